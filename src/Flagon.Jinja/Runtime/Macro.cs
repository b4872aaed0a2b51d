using Flagon.Jinja.Compiling;

namespace Flagon.Jinja.Runtime;

/// <summary>A macro (or a call block's <c>caller</c>): binds arguments as Jinja2 does and renders its body.</summary>
internal sealed class Macro : IJinjaCallable, IJinjaAttributes, IJinjaRepr
{
    private readonly MacroDef _def;
    private readonly RenderContext _rc;
    private readonly Frame _parent;

    public Macro(MacroDef def, RenderContext rc, Frame parent)
    {
        _def = def;
        _rc = rc;
        _parent = parent;
    }

    public string Name => _def.Name;

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "name": value = _def.IsCaller ? null : _def.Name; return true;
            case "arguments": value = new PyTuple(_def.Args.Select(a => (object?)a).ToArray()); return true;
            case "catch_kwargs": value = _def.CatchKwargs; return true;
            case "catch_varargs": value = _def.CatchVarargs; return true;
            case "caller": value = _def.CallerSlot >= 0; return true;
        }
        value = null;
        return false;
    }

    public string Repr() => $"<Macro {Ops.Repr(_def.Name)}>";

    public override string ToString() => Repr();

    public object? Call(EvalContext context, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        var def = _def;
        var frame = new Frame(def.Scope.SlotCount, _parent);
        for (int i = 0; i < frame.Slots.Length; i++)
        {
            frame.Slots[i] = Frame.Missing;
        }
        var kw = kwargs is null ? null : new List<KeyValuePair<string, object?>>(kwargs);
        int argc = def.Args.Count;
        bool foundCaller = false;
        for (int i = 0; i < argc; i++)
        {
            string name = def.Args[i];
            object? value = Frame.Missing;
            if (i < args.Length)
            {
                value = args[i];
            }
            else if (kw is not null)
            {
                int k = kw.FindIndex(p => p.Key == name);
                if (k >= 0)
                {
                    value = kw[k].Value;
                    kw.RemoveAt(k);
                }
            }
            if (name == "caller")
            {
                foundCaller = true;
            }
            frame.Slots[def.ArgSlots[i]] = value;
        }
        if (args.Length >= argc && argc > 0)
        {
            foundCaller = def.Args.Contains("caller");
        }
        if (def.CallerSlot >= 0 && !foundCaller)
        {
            object? caller = null;
            if (kw is not null)
            {
                int k = kw.FindIndex(p => p.Key == "caller");
                if (k >= 0)
                {
                    caller = kw[k].Value;
                    kw.RemoveAt(k);
                }
            }
            frame.Slots[def.CallerSlot] = caller ?? context.Undefined("No caller defined", name: "caller");
        }
        if (def.KwargsSlot >= 0)
        {
            var d = new PyDict();
            foreach (var kv in kw ?? [])
            {
                d[kv.Key] = kv.Value;
            }
            frame.Slots[def.KwargsSlot] = d;
        }
        else if (kw is { Count: > 0 })
        {
            if (kw.Any(p => p.Key == "caller"))
            {
                throw PythonError.TypeError($"macro {Ops.Repr(def.Name)} was invoked with two values for the special caller argument. This is most likely a bug.");
            }
            throw PythonError.TypeError($"macro {Ops.Repr(def.Name)} takes no keyword argument {Ops.Repr(kw[0].Key)}");
        }
        if (def.VarargsSlot >= 0)
        {
            frame.Slots[def.VarargsSlot] = new PyTuple(args.Length > argc ? args[argc..] : []);
        }
        else if (args.Length > argc)
        {
            throw PythonError.TypeError($"macro {Ops.Repr(def.Name)} takes not more than {argc} argument(s)");
        }
        var shared = context.Render?.Shared ?? _rc.Shared;
        var writer = new StringWriter();
        var rc = _rc.ForCall(shared, writer);
        rc.Enter();
        try
        {
            def.ResolveFree(rc, frame);
            // Missing arguments: defaults (which may use earlier arguments) or an undefined value.
            int firstDefault = argc - def.Defaults.Count;
            for (int i = 0; i < argc; i++)
            {
                int slot = def.ArgSlots[i];
                if (frame.Slots[slot] == Frame.Missing)
                {
                    frame.Slots[slot] = i >= firstDefault
                        ? def.Defaults[i - firstDefault](rc, frame)
                        : context.Undefined($"parameter {Ops.Repr(def.Args[i])} was not provided", name: def.Args[i]);
                }
            }
            def.Body(rc, frame);
            string s = writer.ToString();
            return context.Autoescape ? new Markup(s) : s;
        }
        finally
        {
            rc.Leave();
        }
    }
}
