using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Flagon.Json;
using Microsoft.Extensions.Configuration;
using Tomlyn;
using Tomlyn.Model;

namespace Flagon;

// Flask's config loaders (from_mapping, from_object, from_file, from_envvar, from_prefixed_env, get_namespace) and
// .NET's IConfiguration. All of them keep UPPERCASE keys only, as Flask's do.
public partial class FlagonConfig
{
    /// <summary>The deepest nesting a loaded file or configuration section may have; deeper input is refused with a clear error.</summary>
    public const int MaxNesting = 64;

    /// <summary>Copies the UPPERCASE keys of <paramref name="mapping"/> (Flask's <c>from_mapping</c>); other keys are ignored.</summary>
    public FlagonConfig FromMapping(IEnumerable<KeyValuePair<string, object?>> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        foreach (var (key, value) in mapping)
        {
            if (IsUpper(key))
            {
                this[key] = value;
            }
        }

        return this;
    }

    /// <summary>
    /// Copies the UPPERCASE public properties and fields of <paramref name="obj"/> (Flask's <c>from_object</c>): instance
    /// and static members of its class and its base classes. Pass a <see cref="Type"/> to read a class's static members.
    /// </summary>
    public FlagonConfig FromObject(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var type = obj as Type ?? obj.GetType();
        var instance = obj is Type ? null : obj;
        var flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy | (instance is null ? 0 : BindingFlags.Instance);
        foreach (var field in type.GetFields(flags))
        {
            if (IsUpper(field.Name))
            {
                this[field.Name] = field.GetValue(field.IsStatic ? null : instance);
            }
        }

        foreach (var property in type.GetProperties(flags))
        {
            var getter = property.GetMethod;
            if (getter is { IsPublic: true } && property.GetIndexParameters().Length == 0 && IsUpper(property.Name))
            {
                this[property.Name] = property.GetValue(getter.IsStatic ? null : instance);
            }
        }

        return this;
    }

    /// <summary>Copies the UPPERCASE static public properties and fields of <typeparamref name="T"/> (Flask's <c>from_object(SomeClass)</c>).</summary>
    public FlagonConfig FromObject<T>() => FromObject(typeof(T));

    /// <summary>
    /// Loads a file with <paramref name="load"/>, which turns its text into a mapping (Flask's <c>from_file</c>). A relative
    /// name resolves against <see cref="RootPath"/>. With <paramref name="silent"/> a missing file returns false instead of throwing.
    /// </summary>
    public bool FromFile(string fileName, Func<string, IEnumerable<KeyValuePair<string, object?>>> load, bool silent = false)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(load);
        var path = Path.Combine(RootPath, fileName);
        if (!File.Exists(path))
        {
            // Flask's silent covers "no such file", "is a directory" and "not a directory".
            return silent ? false : throw new FileNotFoundException($"Unable to load configuration file (No such file or directory): '{path}'", path);
        }

        var text = File.ReadAllText(path);
        FromMapping(load(text));
        return true;
    }

    /// <summary>Loads a JSON or TOML file, chosen by its extension (<c>.json</c>, <c>.toml</c>); see <see cref="FromFile(string, Func{string, IEnumerable{KeyValuePair{string, object?}}}, bool)"/>.</summary>
    public bool FromFile(string fileName, bool silent = false)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".json" => FromFile(fileName, ParseJson, silent),
            ".toml" => FromFile(fileName, ParseToml, silent),
            var ext => throw new ArgumentException($"Cannot tell how to load '{fileName}' from its extension '{ext}'; use FromFile(fileName, load) with a loader, or a .json or .toml file.", nameof(fileName)),
        };
    }

    /// <summary>Loads a JSON object file (Flask's <c>from_file(name, load=json.load)</c>); <paramref name="silent"/> ignores a missing file.</summary>
    public bool FromJsonFile(string fileName, bool silent = false) => FromFile(fileName, ParseJson, silent);

    /// <summary>Loads a TOML file (Flask's <c>from_file(name, load=tomllib.load, text=False)</c>); <paramref name="silent"/> ignores a missing file.</summary>
    public bool FromTomlFile(string fileName, bool silent = false) => FromFile(fileName, ParseToml, silent);

    /// <summary>
    /// Loads the file named by the environment variable <paramref name="variableName"/> (Flask's <c>from_envvar</c>), as
    /// <see cref="FromFile(string, bool)"/>. An unset variable throws, or returns false with <paramref name="silent"/>.
    /// </summary>
    public bool FromEnvVar(string variableName, bool silent = false)
    {
        var path = Environment.GetEnvironmentVariable(variableName);
        if (string.IsNullOrEmpty(path))
        {
            return silent ? false : throw new InvalidOperationException($"The environment variable '{variableName}' is not set and as such configuration could not be loaded. Set this variable and make it point to a configuration file");
        }

        return FromFile(path, silent);
    }

    /// <summary>
    /// Loads environment variables starting with <c>{prefix}_</c>, in sorted order, with the prefix removed (Flask's
    /// <c>from_prefixed_env</c>): values go through <paramref name="loads"/> (JSON by default) and stay strings when that
    /// fails; <c>__</c> nests into dictionaries (<c>FLAGON_DB__HOST</c> sets <c>config["DB"]["HOST"]</c>).
    /// </summary>
    public FlagonConfig FromPrefixedEnv(string prefix = "FLAGON", Func<string, object?>? loads = null)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var start = prefix + "_";
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith(start, StringComparison.Ordinal))
            .OrderBy(k => k, StringComparer.Ordinal);
        foreach (var name in variables)
        {
            var raw = Environment.GetEnvironmentVariable(name) ?? string.Empty;
            var value = loads is null ? ParseJsonValue(raw) : Loads(loads, raw);
            SetNested(name[start.Length..].Split("__"), value);
        }

        return this;
    }

    /// <summary>
    /// Loads a .NET configuration section (e.g. <c>app.Builder.Configuration.GetSection("Flagon")</c> over appsettings.json,
    /// environment variables and user secrets): UPPERCASE keys; sections become dictionaries, sections keyed 0, 1, 2…
    /// lists; values are parsed as JSON when they parse (<c>"10"</c> → 10, <c>"True"</c> → true), else kept as strings.
    /// </summary>
    public FlagonConfig FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var child in section.GetChildren())
        {
            if (IsUpper(child.Key))
            {
                this[child.Key] = ConfigurationValue(child, 1);
            }
        }

        return this;
    }

    /// <summary>
    /// The keys starting with <paramref name="prefix"/> (Flask's <c>get_namespace</c>): <c>GetNamespace("IMAGE_STORE_")</c>
    /// gives <c>{"type": …, "path": …}</c>; keys are lowercased and trimmed of the prefix unless told otherwise.
    /// </summary>
    public Dictionary<string, object?> GetNamespace(string prefix, bool lowercase = true, bool trimNamespace = true)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in this)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = trimNamespace ? key[prefix.Length..] : key;
            result[lowercase ? name.ToLowerInvariant() : name] = value;
        }

        return result;
    }

    private static bool IsUpper(string key) => key.Length > 0 && key == key.ToUpperInvariant() && key.Any(char.IsLetter);

    private static object? Loads(Func<string, object?> loads, string raw)
    {
        try
        {
            return loads(raw);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidDataException)
        {
            return raw;
        }
    }

    private static object? ParseJsonValue(string raw)
    {
        try
        {
            return new DefaultJsonProvider().Loads(raw);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidDataException)
        {
            return raw;
        }
    }

    private void SetNested(string[] parts, object? value)
    {
        IDictionary<string, object?> current = this;
        foreach (var part in parts[..^1])
        {
            if (!current.TryGetValue(part, out var child) || child is not IDictionary<string, object?> nested)
            {
                current[part] = nested = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            current = nested;
        }

        current[parts[^1]] = value;
    }

    private static IEnumerable<KeyValuePair<string, object?>> ParseJson(string text)
    {
        object? value;
        try
        {
            value = new DefaultJsonProvider().Loads(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The configuration file is not valid JSON: {e.Message}", e);
        }

        return value as IEnumerable<KeyValuePair<string, object?>> ?? throw new InvalidDataException("A JSON configuration file must hold an object.");
    }

    private static IEnumerable<KeyValuePair<string, object?>> ParseToml(string text)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw new InvalidDataException($"The configuration file is not valid TOML: {e.Message}", e);
        }

        return (Dictionary<string, object?>)FromToml(table, 0)!;
    }

    private static object? FromToml(object? value, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new InvalidDataException($"The configuration file nests deeper than {MaxNesting} levels.");
        }

        switch (value)
        {
            case TomlTable table:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, item) in table)
                {
                    dict[key] = FromToml(item, depth + 1);
                }

                return dict;
            case TomlDateTime date:
                return date.Kind is TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber ? date.DateTime : date.DateTime.DateTime;
            case string or bool or long or double or null:
                return value;
            case IEnumerable list:
                return list.Cast<object?>().Select(item => FromToml(item, depth + 1)).ToList();
            default:
                return value;
        }
    }

    private static object? ConfigurationValue(IConfigurationSection section, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new InvalidDataException($"The configuration section '{section.Path}' nests deeper than {MaxNesting} levels.");
        }

        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return section.Value is null ? null : ParseConfigurationText(section.Value);
        }

        if (children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return children
                .OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture))
                .Select(c => ConfigurationValue(c, depth + 1))
                .ToList();
        }

        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            dict[child.Key] = ConfigurationValue(child, depth + 1);
        }

        return dict;
    }

    private static object? ParseConfigurationText(string text) => text switch
    {
        "True" => true,
        "False" => false,
        _ => ParseJsonValue(text),
    };
}
