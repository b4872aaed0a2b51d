using System.Numerics;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Python;

public class PyOpsTests
{
    [Fact]
    public void Int_overflow_promotes_and_normalises_back()
    {
        var big = PyOps.Add(long.MaxValue, 1L);
        Assert.IsType<BigInteger>(big);
        Assert.Equal("9223372036854775808", PyRepr.Str(big));
        Assert.IsType<long>(PyOps.Sub(big, 1L));
        Assert.Equal("1267650600228229401496703205376", PyRepr.Str(PyOps.Pow(2L, 100L)));
        Assert.IsType<BigInteger>(PyOps.Neg(long.MinValue));
        Assert.IsType<BigInteger>(PyOps.FloorDiv(long.MinValue, -1L));
    }

    [Fact]
    public void Division_follows_python()
    {
        Assert.Equal(3.5, PyOps.TrueDiv(7L, 2L));
        Assert.Equal(4.0, PyOps.TrueDiv(8L, 2L));
        Assert.Equal(-4L, PyOps.FloorDiv(-7L, 2L));
        Assert.Equal(2L, PyOps.Mod(-7L, 3L));
        Assert.Equal(-2L, PyOps.Mod(7L, -3L));
        Assert.Equal(0.5, PyOps.Pow(2L, -1L));
        var e = Assert.Throws<PythonError>(() => PyOps.FloorDiv(1L, 0L));
        Assert.Equal("ZeroDivisionError", e.Kind);
        Assert.Equal("integer division or modulo by zero", e.Message);
        Assert.Equal("float division by zero", Assert.Throws<PythonError>(() => PyOps.TrueDiv(1.0, 0L)).Message);
    }

    [Fact]
    public void Sequences_concatenate_and_repeat()
    {
        Assert.Equal("ababab", PyOps.Mul("ab", 3L));
        Assert.Equal("[1, 1]", PyRepr.Repr(PyOps.Mul(new List<object?> { 1L }, 2L)));
        Assert.Equal("(1, 2)", PyRepr.Repr(PyOps.Add(new PyTuple(1L), new PyTuple(2L))));
        Assert.Equal("can only concatenate str (not \"int\") to str", Assert.Throws<PythonError>(() => PyOps.Add("a", 1L)).Message);
        Assert.Throws<PythonError>(() => PyOps.Mul("x", 1L << 40));
    }

    [Fact]
    public void Markup_concatenation_escapes_plain_strings()
    {
        var r = PyOps.Add(new Markup("<b>"), "<i>");
        Assert.Equal(new Markup("<b>&lt;i&gt;"), r);
        Assert.Equal(new Markup("&lt;i&gt;<b>"), PyOps.Add("<i>", new Markup("<b>")));
    }

    [Fact]
    public void Equality_and_ordering()
    {
        Assert.True(PyOps.Equal(1L, 1.0));
        Assert.True(PyOps.Equal(true, 1L));
        Assert.False(PyOps.Equal("1", 1L));
        Assert.False(PyOps.Equal(new PyTuple(1L, 2L), new List<object?> { 1L, 2L }));
        Assert.True(PyOps.Equal(new int[] { 1, 2 }, new List<object?> { 1L, 2.0 }));
        Assert.True(PyOps.Equal(new Dictionary<string, object?> { ["a"] = 1 }, new PyDict { ["a"] = 1L }));
        Assert.False(PyOps.Equal(BigInteger.Pow(2, 53) + 1, Math.Pow(2, 53)));
        Assert.True(PyOps.Less(new List<object?> { 1L, 2L }, new List<object?> { 1L, 3L }));
        Assert.True(PyOps.Less("\uFFFF", "\U0001F600"));
        Assert.Equal("'<' not supported between instances of 'int' and 'str'", Assert.Throws<PythonError>(() => PyOps.Less(1L, "a")).Message);
        Assert.False(PyOps.Less(double.NaN, 1L));
    }

    [Fact]
    public void Membership_and_truth()
    {
        Assert.True(PyOps.Contains("abc", "bc"));
        Assert.True(PyOps.Contains(new PyDict { [1L] = "x" }, true));
        Assert.True(PyOps.Contains(new Dictionary<string, int> { ["k"] = 1 }, "k"));
        Assert.True(PyOps.Contains(new[] { "a", "b" }, "b"));
        Assert.Equal("argument of type 'int' is not iterable", Assert.Throws<PythonError>(() => PyOps.Contains(3L, 1L)).Message);
        Assert.False(PyOps.IsTrue(new List<object?>()));
        Assert.False(PyOps.IsTrue(new Dictionary<string, object?>()));
        Assert.True(PyOps.IsTrue(double.NaN));
        Assert.False(PyOps.IsTrue(Markup.Empty));
    }

    [Fact]
    public void Repr_and_hooks()
    {
        Assert.Equal("[1, 'a', None, True, \"it's\"]", PyRepr.Repr(new List<object?> { 1L, "a", null, true, "it's" }));
        Assert.Equal("(1,)", PyRepr.Repr(new PyTuple(1L)));
        Assert.Equal("{'k': 'v'}", PyRepr.Str(new PyDict { ["k"] = "v" }));
        Assert.Equal("Markup('x')", PyRepr.Repr(new Markup("x")));
        var self = new List<object?>();
        self.Add(self);
        Assert.Equal("[[...]]", PyRepr.Repr(self));
        // The hook is process-wide and the engine installs its own: chain to it and restore it,
        // so tests running in parallel keep seeing the engine's hook.
        var sentinel = new object();
        var previous = PyRepr.ReprHook;
        PyRepr.ReprHook = o => ReferenceEquals(o, sentinel) ? "Sentinel" : previous?.Invoke(o);
        try
        {
            Assert.Equal("[Sentinel]", PyRepr.Repr(new List<object?> { sentinel }));
        }
        finally
        {
            PyRepr.ReprHook = previous;
        }
    }
}
