namespace Flagon;

/// <summary>The two async-local slots behind <c>Globals</c>: they flow across <c>await</c> and thread-pool hops, one value per logical request.</summary>
internal static class ContextVars
{
    public static readonly AsyncLocal<ApplicationContext?> App = new();
    public static readonly AsyncLocal<RequestContext?> Request = new();
}
