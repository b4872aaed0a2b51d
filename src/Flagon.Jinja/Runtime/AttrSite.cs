namespace Flagon.Jinja.Runtime;

/// <summary>
/// One <c>obj.name</c> site of a compiled template with a monomorphic cache: the last plain .NET type
/// seen there and its member getter, so repeated lookups on the same type skip the general dispatch
/// (see <see cref="Ops.GetAttr(EvalContext, object?, AttrSite)"/>). Shared by every render of the
/// template: the cache entry is one immutable object replaced atomically.
/// </summary>
internal class AttrSite(string name)
{
    public string Name { get; } = name;

    public Entry? Cache;

    /// <summary>A plain .NET type and the getter that reads <see cref="Name"/> from it.</summary>
    public sealed record Entry(Type Type, Func<object, object?> Getter);
}
