using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Library;

/// <summary>Jinja's <c>_GroupTuple</c>: a plain <c>(grouper, list)</c> tuple that also answers <c>.grouper</c> and <c>.list</c>.</summary>
internal sealed class GroupTuple(object? grouper, List<object?> list) : PyTuple(grouper, list), IJinjaAttributes
{
    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "grouper":
                value = this[0];
                return true;
            case "list":
                value = this[1];
                return true;
            default:
                value = null;
                return false;
        }
    }
}
