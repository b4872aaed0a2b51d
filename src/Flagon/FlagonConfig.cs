using System.Globalization;

namespace Flagon;

/// <summary>
/// Flask's <c>app.config</c>: a dictionary of settings with Flask's defaults for the keys the core reads
/// (DEBUG, TESTING, SECRET_KEY, PROPAGATE_EXCEPTIONS, MAX_CONTENT_LENGTH, SERVER_NAME…), plus Flask's loaders
/// (<c>FromMapping</c>, <c>FromObject</c>, <c>FromFile</c> for JSON and TOML, <c>FromEnvVar</c>, <c>FromPrefixedEnv</c>)
/// and .NET's <c>FromConfiguration</c>. Like Flask's, the loaders keep UPPERCASE keys only.
/// </summary>
public partial class FlagonConfig : Dictionary<string, object?>
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

    /// <summary>The folder relative file names are resolved against: the app's root, or its instance folder with <c>instanceRelativeConfig</c>.</summary>
    public string RootPath { get; set; }

    /// <summary>Flask's default configuration: Flask 2.2's keys (minus the deprecated <c>ENV</c> and <c>JSON_*</c>) and 3.1's additions.</summary>
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
}
