using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Flagon.Jinja.Runtime;
using Flagon.Sessions;
using Microsoft.AspNetCore.Http;

namespace Flagon.Templating;

/// <summary>
/// A read-only, dictionary-like view of a Flagon object as Flask templates use it: <c>x.key</c> and
/// <c>x['key']</c>, the Python methods <c>get</c>, <c>keys</c>, <c>values</c>, <c>items</c> (and <c>getlist</c>
/// for multi-dicts), iteration over keys and <c>in</c>. Views of <c>session</c> and <c>g</c> are live: they
/// read the current context on every lookup, so one view can sit in the environment's globals.
/// </summary>
public sealed class TemplateMapping : IJinjaAttributes, IReadOnlyDictionary<string, object?>
{
    private readonly string _name;
    private readonly TryGetFunc _tryGet;
    private readonly Func<IEnumerable<string>> _keys;
    private readonly Func<string, IEnumerable<object?>>? _getList;

    /// <summary>Looks up one key.</summary>
    public delegate bool TryGetFunc(string key, out object? value);

    /// <summary>Creates a view from a lookup, the key list and (for multi-dicts) an all-values lookup.</summary>
    public TemplateMapping(string name, TryGetFunc tryGet, Func<IEnumerable<string>> keys, Func<string, IEnumerable<object?>>? getList = null)
    {
        _name = name;
        _tryGet = tryGet;
        _keys = keys;
        _getList = getList;
    }

    /// <summary>The current session (Flask's <c>session</c> in templates); reading it marks the session accessed.</summary>
    public static TemplateMapping LiveSession() => new(
        "session",
        (string key, out object? value) => Globals.Session.TryGetValue(key, out value),
        () => ((IReadOnlyDictionary<string, object?>)Globals.Session).Keys);

    /// <summary>The current app context's <c>g</c>.</summary>
    public static TemplateMapping LiveG() => new(
        "g",
        (string key, out object? value) =>
        {
            var g = Globals.G;
            value = g.Get(key);
            return g.Contains(key);
        },
        () => Globals.G.Select(kv => kv.Key).ToList());

    /// <summary>A view of a plain dictionary (the app's config).</summary>
    public static TemplateMapping Of(string name, IDictionary<string, object?> dictionary) => new(
        name,
        dictionary.TryGetValue,
        () => dictionary.Keys);

    /// <summary>A view of a multi-dict (<c>request.args</c>, <c>form</c>, <c>cookies</c>…): one value per key, <c>getlist</c> for all.</summary>
    public static TemplateMapping Of<TValue>(string name, MultiDict<TValue> multiDict) => new(
        name,
        (string key, out object? value) =>
        {
            var found = multiDict.ContainsKey(key);
            value = found ? multiDict[key] : null;
            return found;
        },
        () => multiDict.Keys,
        key => multiDict.GetList(key).Cast<object?>());

    /// <summary>A view of request headers: case-insensitive, repeated values joined with ", ".</summary>
    public static TemplateMapping Of(IHeaderDictionary headers) => new(
        "headers",
        (string key, out object? value) =>
        {
            var found = headers.TryGetValue(key, out var values);
            value = found ? values.ToString() : null;
            return found;
        },
        () => headers.Keys,
        key => headers.TryGetValue(key, out var values) ? values.Select(v => (object?)v) : []);

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "get":
                value = JinjaFunction.Raw("get", (_, args, kwargs) =>
                {
                    var key = args.Length > 0 ? args[0] : Keyword(kwargs, "key");
                    var fallback = args.Length > 1 ? args[1] : Keyword(kwargs, "default");
                    return key is string k && TryGetValue(k, out var found) ? found : fallback;
                });
                return true;
            case "keys":
                value = JinjaFunction.Raw("keys", (_, _, _) => Keys.Cast<object?>().ToList());
                return true;
            case "values":
                value = JinjaFunction.Raw("values", (_, _, _) => Values.ToList());
                return true;
            case "items":
                value = JinjaFunction.Raw("items", (_, _, _) => this.Select(kv => (object?)new PyTuple(kv.Key, kv.Value)).ToList());
                return true;
            case "getlist" when _getList is not null:
                value = JinjaFunction.Raw("getlist", (_, args, kwargs) => (args.Length > 0 ? args[0] : Keyword(kwargs, "key")) is string k ? _getList(k).Select(TemplateValues.Normalize).ToList() : new List<object?>());
                return true;
        }

        return TryGetValue(name, out value);
    }

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (_tryGet(key, out var raw))
        {
            value = TemplateValues.Normalize(raw);
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <inheritdoc />
    public IEnumerable<string> Keys => _keys();

    /// <inheritdoc />
    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    /// <inheritdoc />
    public int Count => Keys.Count();

    /// <inheritdoc />
    public bool ContainsKey(string key) => _tryGet(key, out _);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Keys.ToList().Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description, as a proxy's repr.</summary>
    public override string ToString() => $"<{_name}>";

    private static object? Keyword(IReadOnlyList<KeyValuePair<string, object?>>? kwargs, string name)
        => kwargs?.FirstOrDefault(kv => kv.Key == name).Value;
}
