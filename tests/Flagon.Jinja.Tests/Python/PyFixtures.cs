using System.Numerics;
using System.Text.Json;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Python;

/// <summary>Loads the JSON fixtures recorded by Fixtures/generate.py and decodes their tagged values.</summary>
internal static class PyFixtures
{
    public static JsonElement Load(string name)
    {
        string dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "Flagon.Jinja.Tests", "Python", "Fixtures", name);
            if (File.Exists(candidate))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(candidate));
                return doc.RootElement.Clone();
            }
            dir = Path.GetDirectoryName(dir)!;
        }
        throw new FileNotFoundException("fixture not found", name);
    }

    public static object? Decode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.Array: return e.EnumerateArray().Select(Decode).ToList();
        }
        var prop = e.EnumerateObject().First();
        switch (prop.Name)
        {
            case "i":
                return PyNumber.Normalize(BigInteger.Parse(prop.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            case "f":
                return BitConverter.Int64BitsToDouble(prop.Value.GetInt64());
            case "markup":
                return new Markup(prop.Value.GetString()!);
            case "tuple":
                return new PyTuple(prop.Value.EnumerateArray().Select(Decode).ToArray());
            case "dict":
                var d = new PyDict();
                foreach (var pair in prop.Value.EnumerateArray())
                {
                    d[PyNoneKey.ToStored(Decode(pair[0]))] = Decode(pair[1]);
                }
                return d;
        }
        throw new InvalidDataException(prop.Name);
    }

    /// <summary>Runs <paramref name="action"/> and describes its outcome as the fixtures do: "type:repr" or "!Error:msg".</summary>
    public static string Outcome(Func<object?> action)
    {
        try
        {
            var r = action();
            if (r is BigInteger big && big >= long.MinValue && big <= long.MaxValue)
            {
                return "non-normalised BigInteger " + big;
            }
            return PyOps.TypeName(r) + ":" + PyRepr.Repr(r);
        }
        catch (PythonError e)
        {
            return "!" + e.Kind + ":" + e.Message;
        }
    }

    public static string Expected(JsonElement result) =>
        result.TryGetProperty("error", out var err)
            ? "!" + err.GetString() + ":" + result.GetProperty("msg").GetString()
            : result.GetProperty("type").GetString() + ":" + result.GetProperty("repr").GetString();

    /// <summary>Asserts no failures, showing the first few.</summary>
    public static void AssertNone(List<string> failures, int total)
    {
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} cases differ from Python:\n" + string.Join("\n", failures.Take(40)));
    }
}
