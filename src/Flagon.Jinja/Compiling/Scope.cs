using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>
/// A compile-time scope: the names stored in it map to slots of its run-time <see cref="Frame"/>.
/// Function scopes (template root, block, macro, caller) also hold slots for the free names they
/// read, resolved once from the render context when the function starts.
/// </summary>
internal sealed class Scope(Scope? parent, bool isFunction)
{
    private readonly Dictionary<string, int> _free = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    public bool IsFunction { get; } = isFunction;

    public Dictionary<string, int> Stored { get; } = new(StringComparer.Ordinal);

    public List<string> FreeNames { get; } = new();

    public List<int> FreeSlots { get; } = new();

    public int SlotCount { get; private set; }

    /// <summary>For block functions: the block's name (so <c>super</c> can be resolved).</summary>
    public string? BlockName { get; set; }

    public int Declare(string name)
    {
        if (!Stored.TryGetValue(name, out int slot))
        {
            slot = SlotCount++;
            Stored[name] = slot;
        }
        return slot;
    }

    public int Free(string name)
    {
        if (!_free.TryGetValue(name, out int slot))
        {
            slot = SlotCount++;
            _free[name] = slot;
            FreeNames.Add(name);
            FreeSlots.Add(slot);
        }
        return slot;
    }

    public Frame NewFrame(Frame? parent)
    {
        var f = new Frame(SlotCount, parent);
        Array.Fill(f.Slots, Frame.Missing);
        return f;
    }

    public void ResolveFree(RenderContext rc, Frame f, IReadOnlyDictionary<string, object?>? scoped = null, BlockDef? block = null)
    {
        for (int i = 0; i < FreeNames.Count; i++)
        {
            string name = FreeNames[i];
            object? value;
            if (scoped is not null && scoped.TryGetValue(name, out var sv))
            {
                value = sv;
            }
            else if (name == "super" && BlockName is not null && block is not null && !rc.Vars.ContainsKey(name))
            {
                var stack = rc.Blocks[BlockName];
                int index = stack.IndexOf(block) + 1;
                value = index > 0 && index < stack.Count
                    ? new BlockReference(BlockName, rc, stack, index, scoped)
                    : Undefined.Create(rc.Environment.Undefined, hint: $"there is no parent block called {Ops.Repr(BlockName)}.", name: "super");
            }
            else if (name == "self" && !rc.Vars.ContainsKey(name))
            {
                value = new TemplateReference(rc);
            }
            else
            {
                value = rc.Resolve(name);
            }
            f.Slots[FreeSlots[i]] = value;
        }
    }
}
