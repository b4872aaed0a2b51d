using Flagon.Jinja.Python;

namespace Flagon.Jinja.Sandbox;

/// <summary>
/// Jinja2's <c>ImmutableSandboxedEnvironment</c>: a <see cref="SandboxedEnvironment"/> that also refuses
/// the methods that change a list or dict (<c>append</c>, <c>extend</c>, <c>insert</c>, <c>pop</c>,
/// <c>remove</c>, <c>reverse</c>, <c>sort</c>, <c>clear</c>; <c>update</c>, <c>pop</c>, <c>popitem</c>,
/// <c>setdefault</c>, <c>clear</c>), also on .NET lists and dictionaries passed in as data.
/// </summary>
public class ImmutableSandboxedEnvironment : SandboxedEnvironment
{
    /// <inheritdoc />
    public override bool IsSafeAttribute(object obj, string attribute, object? value) =>
        base.IsSafeAttribute(obj, attribute, value) && !PyMethods.IsMutating(obj, attribute);
}
