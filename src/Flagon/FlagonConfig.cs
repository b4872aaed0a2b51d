using System.Globalization;
using System.Text.Json;
using Flagon.Json;

namespace Flagon;

/// <summary>
/// Flask's <c>app.config</c>: a dictionary of settings with Flask's defaults for the keys the core reads
/// (DEBUG, TESTING, SECRET_KEY, PROPAGATE_EXCEPTIONS, MAX_CONTENT_LENGTH, SERVER_NAME…), plus loaders.
/// </summary>
public class FlagonConfig : Dictionary<string, object?>
{
    /// <summary>Creates a config holding Flask's defaults; relative files load from <paramref name="rootPath"/>.</summary>
    public FlagonConfig(string rootPath)
        : base(StringComparer.Ordinal)
    {
        RootPath = rootPath;
        foreach (var (key, value) in Defaults())
        {
            this[key] = value;
        }
    }

    /// <summary>The folder relative file names are resolved against.</summary>
    public string RootPath { get; set; }

    /// <summary>Flask's default configuration (3.1 keys, minus the template and session ones owned elsewhere).</summary>
    public static IReadOnlyDictionary<string, object?> Defaults() => new Dictionary<string, object?>
    {
        ["DEBUG"] = false,
        ["TESTING"] = false,
        ["PROPAGATE_EXCEPTIONS"] = null,
        ["TRAP_HTTP_EXCEPTIONS"] = false,
        ["TRAP_BAD_REQUEST_ERRORS"] = null,
        ["SECRET_KEY"] = null,
        ["SECRET_KEY_FALLBACKS"] = null,
        ["PERMANENT_SESSION_LIFETIME"] = TimeSpan.FromDays(31),
        ["USE_X_SENDFILE"] = false,
        ["TRUSTED_HOSTS"] = null,
        ["SERVER_NAME"] = null,
        ["APPLICATION_ROOT"] = "/",
        ["SESSION_COOKIE_NAME"] = "session",
        ["SESSION_COOKIE_DOMAIN"] = null,
        ["SESSION_COOKIE_PATH"] = null,
        ["SESSION_COOKIE_HTTPONLY"] = true,
        ["SESSION_COOKIE_SECURE"] = false,
        ["SESSION_COOKIE_PARTITIONED"] = false,
        ["SESSION_COOKIE_SAMESITE"] = null,
        ["SESSION_REFRESH_EACH_REQUEST"] = true,
        ["MAX_CONTENT_LENGTH"] = null,
        ["MAX_FORM_MEMORY_SIZE"] = 500_000,
        ["MAX_FORM_PARTS"] = 1_000,
        ["SEND_FILE_MAX_AGE_DEFAULT"] = null,
        ["PREFERRED_URL_SCHEME"] = "http",
        ["TEMPLATES_AUTO_RELOAD"] = null,
        ["EXPLAIN_TEMPLATE_LOADING"] = false,
        ["MAX_COOKIE_SIZE"] = 4093,
        ["PROVIDE_AUTOMATIC_OPTIONS"] = true,
    };

    /// <summary>The value of <paramref name="key"/> converted to <typeparamref name="T"/>, or <paramref name="defaultValue"/> when missing, null or not convertible.</summary>
    public T? Get<T>(string key, T? defaultValue = default)
    {
        if (!TryGetValue(key, out var value) || value is null)
        {
            return defaultValue;
        }

        if (value is T t)
        {
            return t;
        }

        return ValueConversion.TryConvert(value, typeof(T), out var converted) ? (T?)converted : defaultValue;
    }

    /// <summary>A key read as a boolean: null stays null, numbers and strings follow Python truthiness-ish rules ("0"/"false" are false).</summary>
    public bool? GetBool(string key) => TryGetValue(key, out var value) ? value switch
    {
        null => null,
        bool b => b,
        string s => !(s.Length == 0 || s is "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase)),
        IConvertible c => Convert.ToDouble(c, CultureInfo.InvariantCulture) != 0,
        _ => true,
    }
    : null;

    /// <summary>Copies every key of <paramref name="mapping"/> (Flask's <c>from_mapping</c>: upper-case keys only).</summary>
    public FlagonConfig FromMapping(IEnumerable<KeyValuePair<string, object?>> mapping)
    {
        foreach (var (key, value) in mapping)
        {
            if (key == key.ToUpperInvariant())
            {
                this[key] = value;
            }
        }

        return this;
    }

    /// <summary>Loads a JSON object file (Flask's <c>from_file(…, load=json.load)</c>); <paramref name="silent"/> ignores a missing file.</summary>
    public bool FromJsonFile(string fileName, bool silent = false)
    {
        var path = Path.Combine(RootPath, fileName);
        if (!File.Exists(path))
        {
            return silent ? false : throw new FileNotFoundException($"Unable to load configuration file ({path}).", path);
        }

        var value = new DefaultJsonProvider().Loads(File.ReadAllText(path));
        if (value is not Dictionary<string, object?> mapping)
        {
            throw new InvalidDataException($"The configuration file {path} must hold a JSON object.");
        }

        FromMapping(mapping);
        return true;
    }

    /// <summary>
    /// Loads environment variables starting with <c>{prefix}_</c> (Flask's <c>from_prefixed_env</c>): values are
    /// parsed as JSON when they parse, else kept as strings; <c>__</c> nests into dictionaries.
    /// </summary>
    public FlagonConfig FromPrefixedEnv(string prefix = "FLAGON")
    {
        var start = prefix + "_";
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith(start, StringComparison.Ordinal))
            .OrderBy(k => k, StringComparer.Ordinal);
        foreach (var name in variables)
        {
            var raw = Environment.GetEnvironmentVariable(name) ?? string.Empty;
            object? value;
            try
            {
                value = new DefaultJsonProvider().Loads(raw);
            }
            catch (JsonException)
            {
                value = raw;
            }

            var key = name[start.Length..];
            if (!key.Contains("__", StringComparison.Ordinal))
            {
                this[key] = value;
                continue;
            }

            var parts = key.Split("__");
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

        return this;
    }
}
