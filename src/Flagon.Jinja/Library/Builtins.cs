namespace Flagon.Jinja.Library;

/// <summary>Registers the built-in filters, tests and globals on a new environment.</summary>
internal static class Builtins
{
    public static void Register(JinjaEnvironment env)
    {
        BuiltinFilters.Register(env.Filters);
        BuiltinTests.Register(env.Tests);
        BuiltinGlobals.Register(env.Globals);
    }
}
