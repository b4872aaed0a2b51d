using System.Collections;
using System.Runtime.CompilerServices;
using Flagon.Jinja.Runtime;
using Flagon.Security;

namespace Flagon.Sessions;

/// <summary>
/// Flask's tagged JSON (<c>flask.json.tag.TaggedJSONSerializer</c>), the session cookie's payload format.
/// Values JSON cannot hold travel as one-key objects: <c>{" t": [...]}</c> tuple (<see cref="PyTuple"/> or any
/// <see cref="ITuple"/>), <c>{" b": "base64"}</c> bytes (<c>byte[]</c>), <c>{" m": "..."}</c> <see cref="Markup"/>,
/// <c>{" u": "hex"}</c> <see cref="Guid"/>, <c>{" d": "HTTP date"}</c> <see cref="DateTimeOffset"/>/<see cref="DateTime"/>,
/// and <c>{" di": {"key__": v}}</c> for a one-key dict whose key is itself a tag. Output is what Flask writes:
/// keys sorted by code point, <c>ensure_ascii</c>, compact separators, Python's float repr.
/// Reading untags bottom-up and gives <c>long</c>/<c>BigInteger</c>, <c>double</c>, <c>string</c>, <c>bool</c>, <c>null</c>,
/// <c>List&lt;object?&gt;</c>, <c>Dictionary&lt;string, object?&gt;</c>, <see cref="PyTuple"/>, <c>byte[]</c>,
/// <see cref="Markup"/>, <see cref="Guid"/> and <see cref="DateTimeOffset"/> (or null for an unreadable date, as Werkzeug).
/// </summary>
public sealed class TaggedJsonSerializer : IPayloadSerializer
{
    /// <summary>The shared instance (it holds no state).</summary>
    public static readonly TaggedJsonSerializer Instance = new();

    /// <summary>Flask's tag keys, in Flask's registration order.</summary>
    public static readonly IReadOnlyList<string> Tags = [" di", " t", " b", " m", " u", " d"];

    /// <inheritdoc />
    public string Dumps(object? value)
    {
        var w = new PyJsonWriter(ensureAscii: true);
        Write(w, value, 0);
        return w.ToString();
    }

    /// <inheritdoc />
    public object? Loads(string text) => PyJsonReader.Parse(text, Untag);

    private static void Write(PyJsonWriter w, object? value, int depth)
    {
        if (depth > PyJsonReader.MaxDepth)
        {
            throw new InvalidOperationException("Session value is nested too deeply (or contains itself) to be serialized.");
        }
        switch (value)
        {
            case null: w.Null(); return;
            case bool b: w.Bool(b); return;
            case string s: w.String(s); return;
            case char c: w.String(c.ToString()); return;
            case decimal m: w.String(m.ToString(System.Globalization.CultureInfo.InvariantCulture)); return; // Flask's JSON default: str(Decimal)
        }
        if (w.TryNumber(value))
        {
            return;
        }
        if (JsonShapes.TryGetObject(value, out var entries))
        {
            if (entries.Count == 1 && Tags.Contains(entries[0].Key))
            {
                // TagDict: {" di": {"<tag>__": value}}
                w.Builder.Append("{\" di\":{");
                w.String(entries[0].Key + "__");
                w.Raw(':');
                Write(w, entries[0].Value, depth + 1);
                w.Builder.Append("}}");
                return;
            }
            entries.Sort((a, b) => PyJsonWriter.CompareKeys(a.Key, b.Key));
            w.Raw('{');
            for (int i = 0; i < entries.Count; i++)
            {
                if (i > 0)
                {
                    w.Raw(',');
                }
                w.String(entries[i].Key);
                w.Raw(':');
                Write(w, entries[i].Value, depth + 1);
            }
            w.Raw('}');
            return;
        }
        switch (value)
        {
            case PyTuple tuple:
                WriteTagged(w, " t", () => WriteArray(w, tuple, depth));
                return;
            case ITuple tuple:
                WriteTagged(w, " t", () => WriteArray(w, Enumerable.Range(0, tuple.Length).Select(i => tuple[i]), depth));
                return;
            case byte[] bytes:
                WriteTagged(w, " b", () => w.String(Convert.ToBase64String(bytes)));
                return;
            case ReadOnlyMemory<byte> rom:
                WriteTagged(w, " b", () => w.String(Convert.ToBase64String(rom.Span)));
                return;
            case Memory<byte> mem:
                WriteTagged(w, " b", () => w.String(Convert.ToBase64String(mem.Span)));
                return;
            case Markup markup:
                WriteTagged(w, " m", () => w.String(markup.Value));
                return;
            case Guid guid:
                WriteTagged(w, " u", () => w.String(guid.ToString("N")));
                return;
            case DateTimeOffset dto:
                WriteTagged(w, " d", () => w.String(HttpDate.Format(dto)));
                return;
            case DateTime dt:
                WriteTagged(w, " d", () => w.String(HttpDate.Format(dt)));
                return;
            case DateOnly date:
                // Flask's JSON default writes a date (not a datetime) as an untagged HTTP date string.
                w.String(HttpDate.Format(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
                return;
            case IEnumerable seq:
                WriteArray(w, seq.Cast<object?>(), depth);
                return;
            default:
                throw new InvalidOperationException($"Object of type {value.GetType().Name} is not JSON serializable");
        }
    }

    private static void WriteTagged(PyJsonWriter w, string tag, Action writeValue)
    {
        w.Raw('{');
        w.String(tag);
        w.Raw(':');
        writeValue();
        w.Raw('}');
    }

    private static void WriteArray(PyJsonWriter w, IEnumerable<object?> items, int depth)
    {
        w.Raw('[');
        bool first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                w.Raw(',');
            }
            first = false;
            Write(w, item, depth + 1);
        }
        w.Raw(']');
    }

    /// <summary>Flask's <c>untag</c>: a one-key object whose key is a tag becomes the tagged value (children are already untagged).</summary>
    private static object? Untag(Dictionary<string, object?> obj)
    {
        if (obj.Count != 1)
        {
            return obj;
        }
        var (key, value) = obj.First();
        switch (key)
        {
            case " di":
                if (value is Dictionary<string, object?> inner && inner.Count > 0)
                {
                    var (innerKey, innerValue) = inner.First();
                    return new Dictionary<string, object?> { [innerKey.Length >= 2 ? innerKey[..^2] : ""] = innerValue };
                }
                throw new FormatException("Bad ' di' tag.");
            case " t":
                return value is List<object?> items ? PyTuple.From(items) : throw new FormatException("Bad ' t' tag.");
            case " b":
                return value is string b64 ? Convert.FromBase64String(b64) : throw new FormatException("Bad ' b' tag.");
            case " m":
                return value is string html ? new Markup(html) : throw new FormatException("Bad ' m' tag.");
            case " u":
                return value is string hex ? ParseUuid(hex) : throw new FormatException("Bad ' u' tag.");
            case " d":
                return value is string date ? HttpDate.Parse(date) : throw new FormatException("Bad ' d' tag.");
            default:
                return obj;
        }
    }

    /// <summary>Python's <c>UUID(text)</c>: optional <c>urn:</c>/<c>uuid:</c> prefix, braces and dashes, then 32 hex digits.</summary>
    private static Guid ParseUuid(string text)
    {
        string hex = text.Replace("urn:", "", StringComparison.Ordinal).Replace("uuid:", "", StringComparison.Ordinal)
            .Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        if (hex.Length != 32 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new FormatException("badly formed hexadecimal UUID string");
        }
        return Guid.ParseExact(hex, "N");
    }
}
