using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Library;

/// <summary>Jinja2's default globals: range, dict, namespace, cycler, joiner, lipsum.</summary>
internal static class BuiltinGlobals
{
    /// <summary>The longest range a template may create.</summary>
    public const long MaxRange = 10_000_000;

    public static void Register(IDictionary<string, object?> g)
    {
        g["range"] = JinjaFunction.Raw("range", (ctx, a, k) =>
        {
            if (k is { Count: > 0 })
            {
                throw PythonError.TypeError("range() takes no keyword arguments");
            }
            BigInteger[] n = a.Select(x => ObjectAdapter.Normalize(x) switch
            {
                long l => l,
                BigInteger big => big,
                bool b => b ? BigInteger.One : BigInteger.Zero,
                Undefined u => throw u.Fail(),
                var o => throw PythonError.TypeError($"'{Ops.TypeName(o)}' object cannot be interpreted as an integer"),
            }).ToArray();
            var r = n.Length switch
            {
                1 => new PyRange(0, n[0], 1),
                2 => new PyRange(n[0], n[1], 1),
                3 => new PyRange(n[0], n[1], n[2]),
                0 => throw PythonError.TypeError("range expected at least 1 argument, got 0"),
                _ => throw PythonError.TypeError($"range expected at most 3 arguments, got {n.Length}"),
            };
            if (r.Count > MaxRange)
            {
                throw PythonError.Overflow($"Range too big. The limit is {MaxRange} items.");
            }
            return r;
        });
        g["dict"] = JinjaFunction.Raw("dict", (ctx, a, k) =>
        {
            var d = new PyDict();
            if (a.Length > 0)
            {
                foreach (var key in Ops.Iterate(a[0]))
                {
                    if (Ops.TryGetItem(a[0], key, out var v) && a[0] is not List<object?>)
                    {
                        d[key!] = v;
                    }
                    else
                    {
                        var pair = Ops.ToList(key);
                        d[pair[0]!] = pair[1];
                    }
                }
            }
            foreach (var kv in k ?? [])
            {
                d[kv.Key] = kv.Value;
            }
            return d;
        });
        g["namespace"] = JinjaFunction.Raw("namespace", (ctx, a, k) =>
        {
            var ns = new Namespace();
            if (a.Length > 0)
            {
                foreach (var key in Ops.Iterate(a[0]))
                {
                    Ops.TryGetItem(a[0], key, out var v);
                    ns.Set(Ops.Str(key), v);
                }
            }
            foreach (var kv in k ?? [])
            {
                ns.Set(kv.Key, kv.Value);
            }
            return ns;
        });
        g["cycler"] = JinjaFunction.Raw("cycler", (ctx, a, k) => a.Length == 0
            ? throw new PythonError("RuntimeError", "at least one item has to be provided")
            : new Cycler(a));
        g["joiner"] = JinjaFunction.Raw("joiner", (ctx, a, k) =>
            new Joiner(a.Length > 0 ? Ops.Str(a[0]) : k?.FirstOrDefault(p => p.Key == "sep").Value is { } sep ? Ops.Str(sep) : ", "));
        g["lipsum"] = JinjaFunction.FromDelegate("generate_lorem_ipsum", Lipsum);
    }

    private static readonly string[] Words =
        "a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu at auctor augue bibendum blandit class commodo condimentum congue consectetuer consequat conubia convallis cras cubilia cum curabitur curae cursus dapibus diam dictum dictumst dignissim dis dolor donec dui duis egestas eget eleifend elementum elit enim erat eros est et etiam eu euismod facilisi facilisis fames faucibus felis fermentum feugiat fringilla fusce gravida habitant habitasse hac hendrerit hymenaeos iaculis id imperdiet in inceptos integer interdum ipsum justo lacinia lacus laoreet lectus leo libero ligula litora lobortis lorem luctus maecenas magna magnis malesuada massa mattis mauris metus mi molestie mollis montes morbi mus nam nascetur natoque nec neque netus nibh nisi nisl non nonummy nostra nulla nullam nunc odio orci ornare parturient pede pellentesque penatibus per pharetra phasellus placerat platea porta porttitor posuere potenti praesent pretium primis proin pulvinar purus quam quis quisque rhoncus ridiculus risus rutrum sagittis sapien scelerisque sed sem semper senectus sit sociis sociosqu sodales sollicitudin suscipit suspendisse taciti tellus tempor tempus tincidunt torquent tortor tristique turpis ullamcorper ultrices ultricies urna ut varius vehicula vel velit venenatis vestibulum vitae vivamus viverra volutpat vulputate".Split(' ');

    private static object Lipsum(long n = 5, bool html = true, long min = 20, long max = 100)
    {
        var rnd = Random.Shared;
        var paragraphs = new List<string>();
        for (int p = 0; p < n; p++)
        {
            var sb = new StringBuilder();
            int count = rnd.Next((int)min, (int)Math.Max(min + 1, max));
            bool capital = true;
            for (int i = 0; i < count; i++)
            {
                string w = Words[rnd.Next(Words.Length)];
                if (capital)
                {
                    w = char.ToUpperInvariant(w[0]) + w[1..];
                    capital = false;
                }
                sb.Append(w);
                if (i < count - 1)
                {
                    if (rnd.Next(10) == 0)
                    {
                        sb.Append('.');
                        capital = true;
                    }
                    sb.Append(' ');
                }
            }
            sb.Append('.');
            paragraphs.Add(sb.ToString());
        }
        if (!html)
        {
            return string.Join("\n\n", paragraphs);
        }
        return new Markup(string.Join("\n", paragraphs.Select(p => "<p>" + Markup.EscapeText(p) + "</p>")));
    }
}
