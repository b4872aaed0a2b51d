using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>
/// A compile-time scope: the names stored in it map to slots of its run-time <see cref="Frame"/>.
/// Function scopes (template root, block, macro, caller) also hold slots for the free names they
/// read, resolved once from the render context when the function starts.
/// </summary>
internal sealed class Scope(Scope? parent, bool isFunction)
{
    // Scopes hold few names, so they are kept in arrays of (name, slot) searched in order (allocated on
    // first use; only function scopes have free names); a scope that grows past IndexFrom names also
    // gets an index.
    private const int IndexFrom = 16;
    private (string Name, int Slot)[]? _stored;
    private int _storedCount;
    private Dictionary<string, int>? _storedIndex;
    private (string Name, int Slot)[]? _free;
    private int _freeCount;
    private Dictionary<string, int>? _freeIndex;

    public Scope? Parent { get; } = parent;

    public bool IsFunction { get; } = isFunction;

    /// <summary>The names stored in this scope with their slots, in declaration order.</summary>
    public ReadOnlySpan<(string Name, int Slot)> StoredEntries => _stored.AsSpan(0, _storedCount);

    /// <summary>The free names of this (function) scope with their slots, in order of first use.</summary>
    public ReadOnlySpan<(string Name, int Slot)> FreeEntries => _free.AsSpan(0, _freeCount);

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
        Add(ref _stored, ref _storedCount, ref _storedIndex, name, slot);
        return slot;
    }

    /// <summary>True when <paramref name="name"/> is stored in this scope.</summary>
    public bool TryGetStored(string name, out int slot) => Find(_stored, _storedCount, _storedIndex, name, out slot);

    public int Free(string name)
    {
        if (Find(_free, _freeCount, _freeIndex, name, out int slot))
        {
            return slot;
        }
        slot = SlotCount++;
        Add(ref _free, ref _freeCount, ref _freeIndex, name, slot);
        return slot;
    }

    private static bool Find((string Name, int Slot)[]? entries, int count, Dictionary<string, int>? index, string name, out int slot)
    {
        if (index is not null)
        {
            return index.TryGetValue(name, out slot);
        }
        for (int i = 0; i < count; i++)
        {
            if (string.Equals(entries![i].Name, name, StringComparison.Ordinal))
            {
                slot = entries[i].Slot;
                return true;
            }
        }
        slot = -1;
        return false;
    }

    private static void Add(ref (string Name, int Slot)[]? entries, ref int count, ref Dictionary<string, int>? index, string name, int slot)
    {
        if (entries is null)
        {
            entries = new (string, int)[4];
        }
        else if (count == entries.Length)
        {
            Array.Resize(ref entries, count * 2);
        }
        entries[count++] = (name, slot);
        if (index is not null)
        {
            index[name] = slot;
        }
        else if (count > IndexFrom)
        {
            index = new Dictionary<string, int>(count * 2, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                index[entries[i].Name] = entries[i].Slot;
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
        for (int i = 0; i < _freeCount; i++)
        {
            var (name, slot) = _free![i];
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
            f.Slots[slot] = value;
        }
    }
}
