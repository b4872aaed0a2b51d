using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Python;

public class PyMethodsTests
{
    [Fact]
    public void Methods_match_python()
    {
        var cases = PyFixtures.Load("methods.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            var target = PyFixtures.Decode(c.GetProperty("target"));
            string name = c.GetProperty("method").GetString()!;
            var args = ((List<object?>)PyFixtures.Decode(c.GetProperty("args"))!).ToArray();
            var kwargs = ((PyDict)PyFixtures.Decode(c.GetProperty("kwargs"))!)
                .Select(kv => new KeyValuePair<string, object?>((string)kv.Key, kv.Value)).ToList();
            string expected = PyFixtures.Expected(c.GetProperty("result")) + " / " + c.GetProperty("after").GetString();
            string actual = PyFixtures.Outcome(() =>
            {
                Assert.True(PyMethods.TryGetMethod(target, name, out var method), name);
                return method.Invoke(args, kwargs);
            }) + " / " + PyRepr.Repr(target);
            if (actual != expected)
            {
                failures.Add($"{PyRepr.Repr(PyFixtures.Decode(c.GetProperty("target")))}.{name}({PyRepr.Repr(args.ToList())}, {PyRepr.Repr(kwargs.Count)}): expected {expected} got {actual}");
            }
        }
        Assert.True(total > 3000);
        PyFixtures.AssertNone(failures, total);
    }

    [Fact]
    public void Full_case_mapping_and_code_points()
    {
        Assert.Equal("STRASSE", PyStr.Upper("straße"));
        Assert.Equal("οδος", PyStr.Lower("ΟΔΟΣ"));
        Assert.True(PyMethods.TryCall("a😀b", "find", ["b"], null, out var index));
        Assert.Equal(2L, index);
        Assert.Equal("😀😀ab", PyStr.RJust("ab", 4, "😀"));
    }

    [Fact]
    public void Mutating_methods_are_marked()
    {
        var list = new List<object?> { 1L };
        Assert.True(PyMethods.IsMutating(list, "append"));
        Assert.False(PyMethods.IsMutating(list, "index"));
        Assert.True(PyMethods.IsMutating(new PyDict(), "setdefault"));
        Assert.False(PyMethods.IsMutating(new PyDict(), "get"));
        Assert.False(PyMethods.IsMutating("abc", "replace"));
        Assert.True(PyMethods.TryGetMethod(list, "pop", out var pop));
        Assert.True(pop.Mutates);
    }

    [Fact]
    public void Works_on_dotnet_collections()
    {
        var dict = new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 };
        Assert.True(PyMethods.TryCall(dict, "items", [], null, out var items));
        Assert.Equal("dict_items([('a', 1), ('b', 2)])", PyRepr.Repr(items));
        Assert.True(PyMethods.TryCall(dict, "get", ["b"], null, out var b));
        Assert.Equal(2, b);
        Assert.True(PyMethods.TryCall(new[] { "x", "y" }, "index", ["y"], null, out var i));
        Assert.Equal(1L, i);
        var e = Assert.Throws<PythonError>(() => PyMethods.TryCall(new[] { "x" }, "append", ["z"], null, out _));
        Assert.Equal("TypeError", e.Kind);
        Assert.False(PyMethods.HasMethod(42L, "upper"));
    }
}
