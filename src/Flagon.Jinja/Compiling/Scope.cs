using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>
/// A compile-time scope: the names stored in it map to slots of its run-time <see cref="Frame"/>.
/// Function scopes (template root, block, macro, caller) also hold slots for the free names they
/// read, resolved once from the render context when the function starts.
/// </summary>
internal sealed class Scope(Scope? parent, bool isFunction)
{
    // Scopes hold few names, so they are kept in lists searched in order (allocated on first use; only
    // function scopes have free names); a scope that grows past IndexFrom names also gets an index.
    private const int IndexFrom = 16;
    private List<string>? _storedNames;
    private List<int>? _storedSlots;
    private Dictionary<string, int>? _storedIndex;
    private List<string>? _freeNames;
    private List<int>? _freeSlots;
    private Dictionary<string, int>? _freeIndex;

    public Scope? Parent { get; } = parent;

    public bool IsFunction { get; } = isFunction;

    /// <summary>The names stored in this scope, in declaration order (see <see cref="StoredSlots"/>).</summary>
    public IReadOnlyList<string> StoredNames => (IReadOnlyList<string>?)_storedNames ?? [];

    /// <summary>The slot of each of <see cref="StoredNames"/>.</summary>
    public IReadOnlyList<int> StoredSlots => (IReadOnlyList<int>?)_storedSlots ?? [];

    public IReadOnlyList<string> FreeNames => (IReadOnlyList<string>?)_freeNames ?? [];

    public IReadOnlyList<int> FreeSlots => (IReadOnlyList<int>?)_freeSlots ?? [];

    public int SlotCount { get; private set; }

    /// <summary>For block functions: the block's name (so <c>super</c> can be resolved).</summary>
    public string? BlockName { get; set; }

    public int Declare(string name)
    {
        if (TryGetStored(name, out int slot))
        {
            return slot;
        }
        slot = SlotCount++;
        Add(ref _storedNames, ref _storedSlots, ref _storedIndex, name, slot);
        return slot;
    }

    /// <summary>True when <paramref name="name"/> is stored in this scope.</summary>
    public bool TryGetStored(string name, out int slot) => Find(_storedNames, _storedSlots, _storedIndex, name, out slot);

    public int Free(string name)
    {
        if (Find(_freeNames, _freeSlots, _freeIndex, name, out int slot))
        {
            return slot;
        }
        slot = SlotCount++;
        Add(ref _freeNames, ref _freeSlots, ref _freeIndex, name, slot);
        return slot;
    }

    private static bool Find(List<string>? names, List<int>? slots, Dictionary<string, int>? index, string name, out int slot)
    {
        if (index is not null)
        {
            return index.TryGetValue(name, out slot);
        }
        if (names is not null)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], name, StringComparison.Ordinal))
                {
                    slot = slots![i];
                    return true;
                }
            }
        }
        slot = -1;
        return false;
    }

    private static void Add(ref List<string>? names, ref List<int>? slots, ref Dictionary<string, int>? index, string name, int slot)
    {
        (names ??= new()).Add(name);
        (slots ??= new()).Add(slot);
        if (index is not null)
        {
            index[name] = slot;
        }
        else if (names.Count > IndexFrom)
        {
            index = new Dictionary<string, int>(names.Count * 2, StringComparer.Ordinal);
            for (int i = 0; i < names.Count; i++)
            {
                index[names[i]] = slots[i];
            }
        }
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
