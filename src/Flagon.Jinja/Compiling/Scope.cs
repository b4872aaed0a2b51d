using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>
/// A compile-time scope: the names stored in it map to slots of its run-time <see cref="Frame"/>.
/// Function scopes (template root, block, macro, caller) also hold slots for the free names they
/// read, resolved once from the render context when the function starts.
/// </summary>
internal sealed class Scope(Scope? parent, bool isFunction)
{
    private static readonly Dictionary<string, int> NoneStored = new(StringComparer.Ordinal);

    // Allocated on first use: most scopes store few names, and only function scopes have free ones.
    private Dictionary<string, int>? _stored;
    private Dictionary<string, int>? _free;
    private List<string>? _freeNames;
    private List<int>? _freeSlots;

    public Scope? Parent { get; } = parent;

    public bool IsFunction { get; } = isFunction;

    /// <summary>The names stored in this scope and their slots (read-only; <see cref="Declare"/> adds).</summary>
    public IReadOnlyDictionary<string, int> Stored => _stored ?? NoneStored;

    public IReadOnlyList<string> FreeNames => (IReadOnlyList<string>?)_freeNames ?? [];

    public IReadOnlyList<int> FreeSlots => (IReadOnlyList<int>?)_freeSlots ?? [];

    public int SlotCount { get; private set; }

    /// <summary>For block functions: the block's name (so <c>super</c> can be resolved).</summary>
    public string? BlockName { get; set; }

    public int Declare(string name)
    {
        _stored ??= new(StringComparer.Ordinal);
        if (!_stored.TryGetValue(name, out int slot))
        {
            slot = SlotCount++;
            _stored[name] = slot;
        }
        return slot;
    }

    /// <summary>True when <paramref name="name"/> is stored in this scope.</summary>
    public bool TryGetStored(string name, out int slot)
    {
        if (_stored is null)
        {
            slot = -1;
            return false;
        }
        return _stored.TryGetValue(name, out slot);
    }

    public int Free(string name)
    {
        _free ??= new(StringComparer.Ordinal);
        if (!_free.TryGetValue(name, out int slot))
        {
            slot = SlotCount++;
            _free[name] = slot;
            (_freeNames ??= new()).Add(name);
            (_freeSlots ??= new()).Add(slot);
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
        if (_freeNames is null)
        {
            return;
        }
        for (int i = 0; i < _freeNames.Count; i++)
        {
            string name = _freeNames[i];
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
            f.Slots[_freeSlots![i]] = value;
        }
    }
}
