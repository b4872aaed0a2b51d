namespace Flagon.Jinja.Runtime;

/// <summary>The variable slots of one scope at run time, linked to the enclosing scope's frame.</summary>
internal sealed class Frame(int size, Frame? parent)
{
    /// <summary>Marks a slot whose variable has not been assigned in this scope yet.</summary>
    public static readonly object Missing = new();

    public readonly object?[] Slots = size == 0 ? [] : new object?[size];

    public readonly Frame? Parent = parent;

    public Frame Up(int depth)
    {
        var f = this;
        for (int i = 0; i < depth; i++)
        {
            f = f.Parent!;
        }
        return f;
    }

    public void Clear(int[] slots)
    {
        foreach (int s in slots)
        {
            Slots[s] = Missing;
        }
    }
}
