using System.Runtime.InteropServices;
using Flagon.Jinja.Parsing.Nodes;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>Expressions: names to slots, operators, filters, tests, calls, lookups.</summary>
internal sealed partial class Compiler
{
    private delegate (object?[] Args, IReadOnlyList<KeyValuePair<string, object?>>? Kwargs) ArgsFn(RenderContext rc, Frame f, object? first, bool hasFirst);

    private ExprFn Expression(Expr node, C c)
    {
        Enter(node.Line);
        try
        {
            return ExpressionCore(node, c);
        }
        finally
        {
            _depth--;
        }
    }

    private ExprFn ExpressionCore(Expr node, C c)
    {
        switch (node)
        {
            case ConstExpr k:
                return Constant(k.Value);
            case DataExpr d:
                return d.Text.LoadConstant;
            case NameExpr n:
                return Load(n.Name, c);
            case GetAttrExpr ga:
                {
                    var target = Expression(ga.Target, c);
                    bool ae = c.Ae;
                    if (_env.SandboxPolicy is not null)
                    {
                        // No per-site getter cache: the sandbox checks every lookup.
                        string attr = ga.Attr;
                        return (rc, f) => Ops.GetAttr(rc.Eval(ae), target(rc, f), attr);
                    }
                    return new AttrLoad(ga.Attr, target, ae).Eval;
                }
            case FilterExpr fe:
                return Filter(fe, fe.Target is null ? (rc, f) => null : Expression(fe.Target, c), c);
            case CallExpr call:
                {
                    var callee = Expression(call.Target, c);
                    var args = Arguments(call.Args, c);
                    bool ae = c.Ae;
                    return (rc, f) =>
                    {
                        var fn = callee(rc, f);
                        var (pos, kw) = args(rc, f, null, false);
                        return Ops.Call(rc.Eval(ae), fn, pos, kw);
                    };
                }
            case TupleExpr t:
                {
                    var items = Expressions(t.Items, c);
                    return (rc, f) =>
                    {
                        var arr = new object?[items.Length];
                        for (int i = 0; i < items.Length; i++)
                        {
                            arr[i] = items[i](rc, f);
                        }
                        return new PyTuple(arr);
                    };
                }
            case ListExpr l:
                {
                    var items = Expressions(l.Items, c);
                    return (rc, f) =>
                    {
                        var list = new List<object?>(items.Length);
                        foreach (var i in items)
                        {
                            list.Add(i(rc, f));
                        }
                        return list;
                    };
                }
            case DictExpr d:
                {
                    var pairs = new (ExprFn, ExprFn)[d.Pairs.Count];
                    for (int i = 0; i < pairs.Length; i++)
                    {
                        pairs[i] = (Expression(d.Pairs[i].Key, c), Expression(d.Pairs[i].Value, c));
                    }
                    return (rc, f) =>
                    {
                        var dict = new PyDict(pairs.Length);
                        foreach (var (k, v) in pairs)
                        {
                            var key = k(rc, f);
                            if (key is List<object?> or PyDict or null && key is not null)
                            {
                                throw PythonError.TypeError($"unhashable type: '{Ops.TypeName(key)}'");
                            }
                            dict[key ?? PyNoneKey.Value] = v(rc, f);
                        }
                        return dict;
                    };
                }
            case CondExpr ce:
                {
                    var soft = c with { Soft = true };
                    var test = Expression(ce.Test, soft);
                    var then = Expression(ce.Then, soft);
                    int line = ce.Line;
                    var otherwise = ce.Otherwise is null
                        ? (rc, f) => new Undefined(hint: $"the inline if-expression on line {line} evaluated to false and no else section was defined.")
                        : Expression(ce.Otherwise, soft);
                    return (rc, f) => Ops.Truthy(test(rc, f)) ? then(rc, f) : otherwise(rc, f);
                }
            case LogicalExpr le:
                {
                    var left = Expression(le.Left, c);
                    var right = Expression(le.Right, c);
                    if (le.IsAnd)
                    {
                        return (rc, f) => left(rc, f) is var v && !Ops.Truthy(v) ? v : right(rc, f);
                    }
                    return (rc, f) => left(rc, f) is var v && Ops.Truthy(v) ? v : right(rc, f);
                }
            case NotExpr ne:
                {
                    var operand = Expression(ne.Operand, c);
                    return (rc, f) => Boxes.Bool(!Ops.Truthy(operand(rc, f)));
                }
            case UnaryExpr ue:
                {
                    var operand = Expression(ue.Operand, c);
                    if (_env.SandboxPolicy is { } unSandbox && unSandbox.InterceptedUnops.Contains(ue.Op))
                    {
                        string unop = ue.Op;
                        bool unAe = c.Ae;
                        return (rc, f) => unSandbox.CallUnop(rc.Eval(unAe), unop, operand(rc, f));
                    }
                    return ue.Op == "-" ? (rc, f) => Ops.Negate(operand(rc, f)) : (rc, f) => Ops.Plus(operand(rc, f));
                }
            case BinaryExpr be:
                {
                    var left = Expression(be.Left, c);
                    var right = Expression(be.Right, c);
                    string op = be.Op;
                    if (_env.SandboxPolicy is { } sandbox && sandbox.InterceptedBinops.Contains(op))
                    {
                        bool binAe = c.Ae;
                        return (rc, f) => sandbox.CallBinop(rc.Eval(binAe), op, left(rc, f), right(rc, f));
                    }
                    if (op == "%" && be.Left is ConstExpr { Value: string format })
                    {
                        // A constant format string is parsed once; Ops.Binary's Undefined and data rules kept.
                        var formatter = PercentFormatter.Parse(format);
                        return (rc, f) => right(rc, f) is var b && b is Undefined
                            ? formatter.Format(new PyTuple(b), false)
                            : formatter.Format(ObjectAdapter.Normalize(b), false);
                    }
                    if (op == "+")
                    {
                        return (rc, f) =>
                        {
                            var a = left(rc, f);
                            var b = right(rc, f);
                            if (a is long x && b is long y)
                            {
                                long r = x + y;
                                if (((x ^ r) & (y ^ r)) >= 0)
                                {
                                    return r;
                                }
                            }
                            return Ops.Binary("+", a, b);
                        };
                    }
                    return (rc, f) => Ops.Binary(op, left(rc, f), right(rc, f));
                }
            case CompareExpr cmp:
                {
                    var first = Expression(cmp.First, c);
                    var ops = new (string, ExprFn)[cmp.Ops.Count];
                    for (int i = 0; i < ops.Length; i++)
                    {
                        ops[i] = (cmp.Ops[i].Key, Expression(cmp.Ops[i].Value, c));
                    }
                    if (ops.Length == 1)
                    {
                        var (op, right) = ops[0];
                        return (rc, f) => Boxes.Bool(Ops.Compare(op, first(rc, f), right(rc, f)));
                    }
                    return (rc, f) =>
                    {
                        var left = first(rc, f);
                        foreach (var (op, next) in ops)
                        {
                            var r = next(rc, f);
                            if (!Ops.Compare(op, left, r))
                            {
                                return Boxes.False;
                            }
                            left = r;
                        }
                        return Boxes.True;
                    };
                }
            case ConcatExpr cc:
                {
                    if (TryFold(cc, c) is string s)
                    {
                        return s.LoadConstant;
                    }
                    var items = Expressions(cc.Items, c);
                    bool ae = c.Ae;
                    return (rc, f) =>
                    {
                        var values = new object?[items.Length];
                        for (int i = 0; i < items.Length; i++)
                        {
                            values[i] = items[i](rc, f);
                        }
                        return Ops.Concat(values, ae);
                    };
                }
            case TestExpr te:
                return Test(te, c);
            case GetItemExpr gi:
                {
                    var target = Expression(gi.Target, c);
                    var key = Expression(gi.Key, c);
                    bool ae = c.Ae;
                    return (rc, f) => Ops.GetItem(rc.Eval(ae), target(rc, f), key(rc, f));
                }
            case SliceExpr sl:
                {
                    ExprFn none = (rc, f) => null;
                    var start = sl.Start is null ? none : Expression(sl.Start, c);
                    var stop = sl.Stop is null ? none : Expression(sl.Stop, c);
                    var step = sl.Step is null ? none : Expression(sl.Step, c);
                    return (rc, f) => new PySlice(start(rc, f), stop(rc, f), step(rc, f));
                }
            default:
                throw new TemplateSyntaxError($"unsupported expression {node.GetType().Name}", node.Line, _name);
        }
    }

    private static readonly ExprFn LoadNull = static (rc, f) => null;
    private static readonly ExprFn LoadTrue = static (rc, f) => Boxes.True;
    private static readonly ExprFn LoadFalse = static (rc, f) => Boxes.False;

    /// <summary>A constant load; the constants None, True and False share one delegate each.</summary>
    private static ExprFn Constant(object? v) => v switch
    {
        null => LoadNull,
        true => LoadTrue,
        false => LoadFalse,
        _ => v.LoadConstant,
    };

    private ExprFn[] Expressions(List<Expr> nodes, C c)
    {
        var fns = new ExprFn[nodes.Count];
        for (int i = 0; i < fns.Length; i++)
        {
            fns[i] = Expression(nodes[i], c);
        }
        return fns;
    }

    /// <summary>A name load: stored slots of the enclosing scopes (skipping unassigned ones), then the function's free slot.</summary>
    private ExprFn Load(string name, C c)
    {
        var candidates = _candidates;
        candidates.Clear();
        int depth = 0;
        (int Depth, int Slot)? free = null;
        for (var s = c.S; s is not null; s = s.Parent, depth++)
        {
            if (s.TryGetStored(name, out int slot))
            {
                candidates.Add((depth, slot));
            }
            if (s.IsFunction && free is null)
            {
                free = (depth, s.Free(name));
            }
        }
        candidates.Add(free!.Value);
        if (candidates.Count == 1)
        {
            var (d0, s0) = candidates[0];
            return SlotLoad(d0, s0);
        }
        if (candidates.Count == 2 && candidates[0].Depth == 0)
        {
            int s0 = candidates[0].Slot;
            var (d1, s1) = candidates[1];
            return (rc, f) => f.Slots[s0] is var v && v != Frame.Missing ? v : f.Up(d1).Slots[s1];
        }
        return LoadFirstAssigned(candidates.ToArray());
    }

    /// <summary>Loads of the first <see cref="CachedSlots"/> slots of the current frame and its first two parents, made once (they capture nothing that varies per template).</summary>
    private static readonly ExprFn?[] SlotLoads = new ExprFn?[3 * CachedSlots];

    private const int CachedSlots = 32;

    /// <summary>A load of one slot <paramref name="depth"/> frames up.</summary>
    private static ExprFn SlotLoad(int depth, int slot)
    {
        if (depth < 3 && slot < CachedSlots)
        {
            ref var cached = ref SlotLoads[depth * CachedSlots + slot];
            return cached ??= NewSlotLoad(depth, slot);
        }
        return NewSlotLoad(depth, slot);
    }

    private static ExprFn NewSlotLoad(int depth, int slot) => depth switch
    {
        0 => (rc, f) => f.Slots[slot],
        1 => (rc, f) => f.Parent!.Slots[slot],
        2 => (rc, f) => f.Parent!.Parent!.Slots[slot],
        _ => (rc, f) => f.Up(depth).Slots[slot],
    };

    /// <summary>The general name load: the first assigned of several candidate slots.</summary>
    private static ExprFn LoadFirstAssigned((int Depth, int Slot)[] arr)
    {
        return (rc, f) =>
        {
            foreach (var (d, s) in arr)
            {
                var v = f.Up(d).Slots[s];
                if (v != Frame.Missing)
                {
                    return v;
                }
            }
            return null;
        };
    }

    private ArgsFn Arguments(CallArgs args, C c)
    {
        var pos = new ExprFn[args.Args.Count];
        for (int i = 0; i < pos.Length; i++)
        {
            pos[i] = Expression(args.Args[i], c);
        }
        var kw = new (string Key, ExprFn Value)[args.Kwargs.Count];
        for (int i = 0; i < kw.Length; i++)
        {
            kw[i] = (args.Kwargs[i].Key, Expression(args.Kwargs[i].Value, c));
        }
        var dynArgs = args.DynArgs is null ? null : Expression(args.DynArgs, c);
        var dynKwargs = args.DynKwargs is null ? null : Expression(args.DynKwargs, c);
        return (rc, f, first, hasFirst) =>
        {
            int offset = hasFirst ? 1 : 0;
            object?[] values;
            if (dynArgs is null)
            {
                values = new object?[pos.Length + offset];
                for (int i = 0; i < pos.Length; i++)
                {
                    values[i + offset] = pos[i](rc, f);
                }
            }
            else
            {
                var list = new List<object?>();
                if (hasFirst)
                {
                    list.Add(null);
                }
                foreach (var p in pos)
                {
                    list.Add(p(rc, f));
                }
                list.AddRange(Ops.Iterate(dynArgs(rc, f)));
                values = list.ToArray();
            }
            if (hasFirst)
            {
                values[0] = first;
            }
            List<KeyValuePair<string, object?>>? kwargs = null;
            if (kw.Length > 0 || dynKwargs is not null)
            {
                kwargs = new List<KeyValuePair<string, object?>>(kw.Length);
                foreach (var (k, v) in kw)
                {
                    kwargs.Add(new(k, v(rc, f)));
                }
                if (dynKwargs is not null)
                {
                    var d = dynKwargs(rc, f);
                    foreach (var key in Ops.Iterate(d))
                    {
                        Ops.TryGetItem(d, key, out var val);
                        kwargs.Add(new(Ops.Str(key), val));
                    }
                }
            }
            return (values, kwargs);
        };
    }

    private ExprFn Filter(FilterExpr node, ExprFn target, C c)
    {
        bool ae = c.Ae;
        if (!_env.Filters.TryGet(node.Name, out var fn))
        {
            Arguments(node.Args, c);
            if (!c.Soft)
            {
                throw Assertion($"No filter named '{node.Name}'.", node.Line);
            }
            string missing = node.Name;
            return (rc, f) => throw new TemplateRuntimeError($"No filter named '{missing}' found.");
        }
        if (ReferenceEquals(fn, Library.BuiltinFilters.FormatFilter) && node.Target is ConstExpr { Value: string format }
            && BoundFormat(format, node.Args, c) is { } bound)
        {
            return bound;
        }
        var planned = Planned(fn, node.Args, target, c);
        if (planned is not null)
        {
            return planned;
        }
        var args = Arguments(node.Args, c);
        return (rc, f) =>
        {
            var (pos, kw) = args(rc, f, target(rc, f), true);
            return fn.Call(rc.Eval(ae), pos, kw);
        };
    }

    /// <summary>
    /// <c>"constant"|format(positional args)</c> with the built-in filter: the format string is parsed
    /// once here, and each call applies it (same arguments, results and errors as the filter).
    /// </summary>
    private ExprFn? BoundFormat(string format, CallArgs args, C c)
    {
        if (BoundFormatArgs(args, c) is not { } arguments)
        {
            return null;
        }
        var formatter = PercentFormatter.Parse(format);
        return (rc, f) => formatter.Format(arguments(rc, f), false);
    }

    /// <summary>
    /// <see cref="BoundFormat"/> as an output part: the formatted text goes straight to the writer
    /// (escaped under autoescape, as the filter's plain string would be) without a result string.
    /// </summary>
    private Action<RenderContext, Frame>? BoundFormatWriter(Expr part, C c)
    {
        if (part is not FilterExpr { Name: "format", Target: ConstExpr { Value: string format } } node
            || !_env.Filters.TryGet("format", out var fn) || !ReferenceEquals(fn, Library.BuiltinFilters.FormatFilter)
            || BoundFormatArgs(node.Args, c) is not { } arguments)
        {
            return null;
        }
        var formatter = PercentFormatter.Parse(format);
        bool ae = c.Ae;
        return (rc, f) => formatter.Write(rc.Writer, arguments(rc, f), ae);
    }

    /// <summary>The argument of <c>%</c> that the <c>format</c> filter builds from positional arguments; null for other shapes.</summary>
    private ExprFn? BoundFormatArgs(CallArgs args, C c)
    {
        if (args.DynArgs is not null || args.DynKwargs is not null || args.Kwargs.Count > 0)
        {
            return null;
        }
        var items = args.Args.Select(a => Expression(a, c)).ToArray();
        switch (items.Length)
        {
            case 0:
                return (rc, f) => new PyTuple([]);
            case 1:
                {
                    var single = items[0];
                    return (rc, f) => Library.BuiltinFilters.FormatArgs(single(rc, f));
                }
            default:
                return (rc, f) =>
                {
                    var values = new object?[items.Length];
                    for (int i = 0; i < items.Length; i++)
                    {
                        values[i] = items[i](rc, f);
                    }
                    return new PyTuple(values);
                };
        }
    }

    /// <summary>
    /// A filter or test call whose arguments bind to the function's parameters at compile time (see
    /// <see cref="JinjaFunction.Plan"/>): one argument array per call, constants converted once.
    /// Null when the call needs the general path. Arguments are evaluated in the same order (target,
    /// positionals, keywords) and converted in parameter order, as the general path does.
    /// </summary>
    private ExprFn? Planned(JinjaFunction fn, CallArgs args, ExprFn target, C c)
    {
        if (args.DynArgs is not null || args.DynKwargs is not null)
        {
            return null;
        }
        if (fn.IsUnary && args.Args.Count == 0 && args.Kwargs.Count == 0)
        {
            // value|upper and the like: the delegate called with the value, no argument array (a
            // one-parameter function always binds one positional argument).
            return (rc, f) => fn.InvokeUnary(target(rc, f));
        }
        string[] keywords = [];
        if (args.Kwargs.Count > 0)
        {
            keywords = new string[args.Kwargs.Count];
            for (int k = 0; k < keywords.Length; k++)
            {
                keywords[k] = args.Kwargs[k].Key;
            }
        }
        var plan = fn.Plan(args.Args.Count + 1, keywords);
        if (plan is null)
        {
            return null;
        }
        int count = args.Args.Count + args.Kwargs.Count;
        var rest = count == 0 ? [] : new (int Param, ExprFn Fn)[count];
        // Converted constants collect on a scratch stack (argument expressions compiled in between may
        // push and pop their own above this call's).
        var constants = _constants;
        int constantsFrom = constants.Count;
        int n = 0;
        for (int k = 0; k < count; k++)
        {
            var source = k < args.Args.Count ? args.Args[k] : args.Kwargs[k - args.Args.Count].Value;
            if (source is ConstExpr { Value: string or long or double or bool or null } constant
                && fn.TryPreconvert(plan, k + 1, constant.Value, out int param, out var converted))
            {
                constants.Add((param, converted));
                continue;
            }
            rest[n++] = (plan.ArgToParam[k + 1], Expression(source, c));
        }
        if (constants.Count > constantsFrom)
        {
            plan = plan.WithConverted(CollectionsMarshal.AsSpan(constants)[constantsFrom..]);
            constants.RemoveRange(constantsFrom, constants.Count - constantsFrom);
        }
        if (n < count)
        {
            Array.Resize(ref rest, n);
        }
        int targetParam = plan.ArgToParam[0];
        bool ae = c.Ae;
        switch (rest.Length)
        {
            case 0:
                return (rc, f) =>
                {
                    var values = plan.NewValues();
                    values[targetParam] = target(rc, f);
                    return fn.Invoke(plan, rc.Eval(ae), values);
                };
            case 1:
                {
                    var (p1, f1) = rest[0];
                    return (rc, f) =>
                    {
                        var values = plan.NewValues();
                        values[targetParam] = target(rc, f);
                        values[p1] = f1(rc, f);
                        return fn.Invoke(plan, rc.Eval(ae), values);
                    };
                }
            default:
                return (rc, f) =>
                {
                    var values = plan.NewValues();
                    values[targetParam] = target(rc, f);
                    foreach (var (p, e) in rest)
                    {
                        values[p] = e(rc, f);
                    }
                    return fn.Invoke(plan, rc.Eval(ae), values);
                };
        }
    }

    private ExprFn Test(TestExpr node, C c)
    {
        var target = Expression(node.Target, c);
        bool ae = c.Ae;
        if (!_env.Tests.TryGet(node.Name, out var fn))
        {
            Arguments(node.Args, c);
            if (!c.Soft)
            {
                throw Assertion($"No test named '{node.Name}'.", node.Line);
            }
            string missing = node.Name;
            return (rc, f) => throw new TemplateRuntimeError($"No test named '{missing}' found.");
        }
        var planned = Planned(fn, node.Args, target, c);
        if (planned is not null)
        {
            return (rc, f) => Boxes.Bool(Ops.Truthy(planned(rc, f)));
        }
        var args = Arguments(node.Args, c);
        return (rc, f) =>
        {
            var (pos, kw) = args(rc, f, target(rc, f), true);
            return Boxes.Bool(Ops.Truthy(fn.Call(rc.Eval(ae), pos, kw)));
        };
    }

    /// <summary>
    /// Jinja's constant folding, where it changes results: a <c>~</c> of constants (also through
    /// filters such as <c>safe</c>) becomes a plain string at compile time. Returns null when not constant.
    /// </summary>
    private object? TryFold(Expr node, C c)
    {
        if (node is not ConcatExpr cc)
        {
            return null;
        }
        var values = new List<object?>();
        foreach (var item in cc.Items)
        {
            if (!TryConstant(item, out var v))
            {
                return null;
            }
            values.Add(v);
        }
        try
        {
            return string.Concat(values.Select(Ops.Str));
        }
        catch (TemplateError)
        {
            return null;
        }
    }

    private bool TryConstant(Expr node, out object? value)
    {
        value = null;
        switch (node)
        {
            case ConstExpr k:
                value = k.Value;
                return k.Value is string or long or double or bool or null;
            case FilterExpr { Target: not null, Args.Args.Count: 0, Args.Kwargs.Count: 0 } fe when fe.Name is "safe" or "upper" or "lower" or "string"
                or "e" or "escape" or "forceescape" or "title" or "capitalize" or "trim" or "striptags":
                if (!TryConstant(fe.Target, out var inner) || !_env.Filters.TryGet(fe.Name, out var fn))
                {
                    return false;
                }
                try
                {
                    value = fn.Call(new EvalContext(_env, false, null), [inner], null);
                    return true;
                }
                catch (TemplateError)
                {
                    return false;
                }
            default:
                return false;
        }
    }
}
