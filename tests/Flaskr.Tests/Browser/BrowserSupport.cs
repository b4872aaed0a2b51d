namespace Flaskr.Tests.Browser;

/// <summary>
/// Finds headless Chromium and its driver (Debian's <c>chromium</c> and <c>chromium-driver</c>, or the paths in
/// <c>CHROME_BIN</c> / <c>CHROMEDRIVER</c>). Browser tests skip with <see cref="MissingReason"/> when either is absent.
/// </summary>
internal static class BrowserSupport
{
    private static readonly Lazy<(string? Chrome, string? Driver)> _found = new(() => (
        Find("CHROME_BIN", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"),
        Find("CHROMEDRIVER", "chromedriver")));

    public static string? ChromePath => _found.Value.Chrome;

    public static string? DriverPath => _found.Value.Driver;

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => (ChromePath, DriverPath) switch
    {
        (null, null) => "No Chromium and no chromedriver found: install Debian's chromium and chromium-driver (as .ci/run does) or set CHROME_BIN and CHROMEDRIVER.",
        (null, _) => "No Chromium found: install Debian's chromium (as .ci/run does) or set CHROME_BIN.",
        (_, null) => "No chromedriver found: install Debian's chromium-driver (as .ci/run does) or set CHROMEDRIVER.",
        _ => null,
    };

    private static string? Find(string variable, params string[] names)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath) ? explicitPath : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? name + ".exe" : name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
