using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// The one place where .NET data becomes template values: dictionaries, lists and enumerables,
/// POCOs/records/anonymous objects (public properties and fields, cached accessors, snake_case →
/// PascalCase fallback) and System.Text.Json documents; numbers are normalised to long/double.
/// </summary>
internal static class ObjectAdapter
{
    private static readonly ConcurrentDictionary<Type, TypeAccessor> Accessors = new();

    /// <summary>Normalises a .NET value into the value model (numbers, chars, JSON); other values pass through.</summary>
    public static object? Normalize(object? v) => v switch
    {
        null or string or long or double or bool or List<object?> or PyDict or PyTuple or Markup => v,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul => ul <= long.MaxValue ? (long)ul : (BigInteger)ul,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        BigInteger big => big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : v,
        JsonElement je => FromJson(je),
        JsonNode jn => FromJson(JsonSerializer.SerializeToElement(jn)),
        _ => v,
    };

    /// <summary>Deep-converts a JSON element (integers stay integers of any size, key order kept).</summary>
    public static object? FromJson(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    var d = new PyDict();
                    foreach (var p in e.EnumerateObject())
                    {
                        d[p.Name] = FromJson(p.Value);
                    }
                    return d;
                }
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(FromJson).ToList();
            case JsonValueKind.String:
                return e.GetString();
            case JsonValueKind.Number:
                {
                    string raw = e.GetRawText();
                    if (raw.IndexOfAny(['.', 'e', 'E']) < 0)
                    {
                        return e.TryGetInt64(out long l) ? l : BigInteger.Parse(raw, CultureInfo.InvariantCulture);
                    }
                    return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>True for .NET dictionaries.</summary>
    public static bool IsMapping(object? v) => v is PyDict or IDictionary || (v is not null && ReadOnlyDictionaryOf(v.GetType()) is not null);

    /// <summary>True for .NET lists and other enumerables (not strings or dictionaries).</summary>
    public static bool IsCollection(object? v) => v is IEnumerable && v is not string && !IsMapping(v);

    /// <summary>Iterates a .NET value Python-style (dictionaries yield keys); null when not iterable.</summary>
    public static IEnumerable<object?>? Iterate(object v)
    {
        switch (v)
        {
            case PyRange r:
                return r;
            case IDictionary d:
                return d.Keys.Cast<object?>().Select(Normalize);
            case IEnumerable e when ReadOnlyDictionaryOf(v.GetType()) is not null:
                return e.Cast<object?>().Select(kv => Normalize(kv!.GetType().GetProperty("Key")!.GetValue(kv)));
            case IEnumerable<object?> eo:
                return eo.Select(Normalize);
            case IEnumerable e:
                return e.Cast<object?>().Select(Normalize);
        }
        return null;
    }

    public static int? Length(object? v) => v switch
    {
        ICollection c => c.Count,
        IEnumerable e when v is not string => e.Cast<object?>().Count(),
        _ => null,
    };

    /// <summary>Item lookup on .NET dictionaries and lists.</summary>
    public static bool TryGetItem(object obj, object? key, out object? value)
    {
        switch (obj)
        {
            case IDictionary d:
                if (key is not null)
                {
                    try
                    {
                        if (d.Contains(key))
                        {
                            value = Normalize(d[key]);
                            return true;
                        }
                        if (key is long l && l is >= int.MinValue and <= int.MaxValue && d.Contains((int)l))
                        {
                            value = Normalize(d[(int)l]);
                            return true;
                        }
                    }
                    catch (ArgumentException)
                    {
                    }
                }
                break;
            case IList list:
                if (key is long i || (key is bool b && (i = b ? 1 : 0) >= 0))
                {
                    long ix = i < 0 ? i + list.Count : i;
                    if (ix >= 0 && ix < list.Count)
                    {
                        value = Normalize(list[(int)ix]);
                        return true;
                    }
                }
                break;
            case PyRange r:
                if (key is long ri)
                {
                    long ix = ri < 0 ? ri + r.Count : ri;
                    if (ix >= 0 && ix < r.Count)
                    {
                        value = r[(int)ix];
                        return true;
                    }
                }
                break;
            default:
                if (key is string sk && ReadOnlyDictionaryOf(obj.GetType()) is { } getter)
                {
                    return getter(obj, sk, out value);
                }
                break;
        }
        value = null;
        return false;
    }

    private delegate bool RoLookup(object dict, string key, out object? value);

    private static readonly ConcurrentDictionary<Type, RoLookup?> RoDicts = new();

    private static RoLookup? ReadOnlyDictionaryOf(Type type) => RoDicts.GetOrAdd(type, static t =>
    {
        if (typeof(IDictionary).IsAssignableFrom(t) || t.IsPrimitive || t == typeof(string))
        {
            return null;
        }
        var iface = t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string));
        if (iface is null)
        {
            return null;
        }
        var method = iface.GetMethod("TryGetValue")!;
        return (object dict, string key, out object? value) =>
        {
            var args = new object?[] { key, null };
            bool ok = (bool)method.Invoke(dict, args)!;
            value = ok ? Normalize(args[1]) : null;
            return ok;
        };
    });

    /// <summary>Reads a public property or field of a POCO by Jinja name (exact, then PascalCase of snake_case).</summary>
    public static bool TryGetMember(object obj, string name, out object? value)
    {
        var accessor = Accessors.GetOrAdd(obj.GetType(), static t => new TypeAccessor(t));
        if (accessor.TryGet(name) is { } getter)
        {
            value = Normalize(getter(obj));
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>The cached getter of a POCO member by Jinja name (as <see cref="TryGetMember"/> finds it), or null.</summary>
    public static Func<object, object?>? MemberGetter(Type type, string name) =>
        Accessors.GetOrAdd(type, static t => new TypeAccessor(t)).TryGet(name);

    /// <summary>Converts a snake_case name to PascalCase (<c>created_at</c> → <c>CreatedAt</c>).</summary>
    public static string ToPascalCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }

    /// <summary>Turns any supported context object into a name → value dictionary.</summary>
    public static Dictionary<string, object?> ToContext(object? context)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (context)
        {
            case null:
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var kv in pairs)
                {
                    result[kv.Key] = Normalize(kv.Value);
                }
                break;
            case PyDict d:
                foreach (var kv in d)
                {
                    result[Ops.Str(kv.Key)] = kv.Value;
                }
                break;
            case IDictionary d:
                foreach (DictionaryEntry e in d)
                {
                    result[Convert.ToString(e.Key, CultureInfo.InvariantCulture)!] = Normalize(e.Value);
                }
                break;
            case JsonElement je:
                if (je.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in je.EnumerateObject())
                    {
                        result[p.Name] = FromJson(p.Value);
                    }
                }
                else if (je.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    throw new ArgumentException("A JSON context must be an object.", nameof(context));
                }
                break;
            case JsonNode jn:
                return ToContext(JsonSerializer.SerializeToElement(jn));
            default:
                if (ReadOnlyDictionaryOf(context.GetType()) is not null && context is IEnumerable e2)
                {
                    foreach (var kv in e2)
                    {
                        var t = kv!.GetType();
                        result[(string)t.GetProperty("Key")!.GetValue(kv)!] = Normalize(t.GetProperty("Value")!.GetValue(kv));
                    }
                    break;
                }
                var accessor = Accessors.GetOrAdd(context.GetType(), static t => new TypeAccessor(t));
                foreach (var (name, getter) in accessor.All())
                {
                    result[name] = Normalize(getter(context));
                }
                break;
        }
        return result;
    }

    private sealed class TypeAccessor
    {
        private readonly Dictionary<string, MemberInfo> _members = new(StringComparer.Ordinal);
        private readonly Dictionary<string, MemberInfo> _folded = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Func<object, object?>?> _getters = new(StringComparer.Ordinal);
        private readonly Type _type;

        public TypeAccessor(Type type)
        {
            _type = type;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (p.GetIndexParameters().Length == 0 && p.CanRead && p.GetMethod!.IsPublic)
                {
                    _members.TryAdd(p.Name, p);
                    _folded.TryAdd(p.Name.Replace("_", ""), p);
                }
            }
            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                _members.TryAdd(f.Name, f);
                _folded.TryAdd(f.Name.Replace("_", ""), f);
            }
        }

        /// <summary>Boxes a member's value as the value model has it (bools and small ints shared, ints as long).</summary>
        private static Expression Boxed(Expression access)
        {
            var t = access.Type;
            if (t == typeof(bool))
            {
                return Expression.Call(typeof(Boxes).GetMethod(nameof(Boxes.Bool))!, access);
            }
            if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(ushort) || t == typeof(uint))
            {
                return Expression.Call(typeof(Boxes).GetMethod(nameof(Boxes.Long))!, Expression.Convert(access, typeof(long)));
            }
            if (t == typeof(float))
            {
                return Expression.Convert(Expression.Convert(access, typeof(double)), typeof(object));
            }
            return Expression.Convert(access, typeof(object));
        }

        public IEnumerable<(string Name, Func<object, object?> Getter)> All() =>
            _members.Keys.Select(n => (n, TryGet(n)!));

        public Func<object, object?>? TryGet(string name) => _getters.GetOrAdd(name, n =>
        {
            if (!_members.TryGetValue(n, out var member)
                && !_members.TryGetValue(ToPascalCase(n), out member)
                && !_folded.TryGetValue(n.Replace("_", ""), out member))
            {
                return null;
            }
            var p = Expression.Parameter(typeof(object), "o");
            var access = Expression.MakeMemberAccess(Expression.Convert(p, _type), member);
            return Expression.Lambda<Func<object, object?>>(Boxed(access), p).Compile();
        });
    }
}
