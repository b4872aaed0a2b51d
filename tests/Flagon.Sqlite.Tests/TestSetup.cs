using System.Runtime.CompilerServices;

namespace Flagon.Sqlite.Tests;

/// <summary>Process-wide test settings.</summary>
internal static class TestSetup
{
    /// <summary>The tests build many apps: no file watchers on appsettings.json (inotify instances are scarce).</summary>
    [ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
