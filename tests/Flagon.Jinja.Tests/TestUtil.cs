using Flagon.Jinja.Loaders;

namespace Flagon.Jinja.Tests;

/// <summary>Helpers shared by the engine tests.</summary>
internal static class TestUtil
{
    public static string Render(string source, object? context = null, Action<JinjaEnvironment>? configure = null)
    {
        var env = new JinjaEnvironment();
        configure?.Invoke(env);
        return env.FromString(source).Render(context);
    }

    public static JinjaEnvironment Env(Dictionary<string, string> templates, Action<JinjaEnvironment>? configure = null)
    {
        var env = new JinjaEnvironment { Loader = new DictLoader(templates) };
        configure?.Invoke(env);
        return env;
    }
}
