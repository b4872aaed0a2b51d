using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Flagon.Jinja.Parsing.Nodes;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>
/// Turns a syntax tree, once, into a tree of pre-bound delegates: names resolve to frame slots at
/// compile time, filters and tests are bound here, static text is written as constants.
/// </summary>
internal sealed partial class Compiler
{
    private readonly JinjaEnvironment _env;
    private readonly string? _name;
    private readonly Dictionary<string, BlockDef> _blocks = new(StringComparer.Ordinal);
    private readonly Scope _root = new(null, true);
    private bool _hasExtends;
    private bool _defaultAutoescape;
    private int _depth;
    private int _analyzeDepth;

    /// <summary>Scratch lists of one compile (see <see cref="Scratch"/>), taken from the thread's pool.</summary>
    private readonly Scratch _scratch;

    /// <summary>Scratch list for <see cref="Load"/>'s candidate slots.</summary>
    private List<(int Depth, int Slot)> _candidates => _scratch.Candidates;

    /// <summary>Scratch stack for <see cref="Output"/>'s parts.</summary>
    private List<OutputPart> _outputParts => _scratch.OutputParts;

    /// <summary>Scratch stack for <see cref="Planned"/>'s converted constants.</summary>
    private List<(int Param, object? Value)> _constants => _scratch.Constants;

    /// <summary>
    /// The compiler's scratch lists: only needed while compiling, so each thread keeps one set and
    /// reuses it (a compile on the same thread while one runs gets its own).
    /// </summary>
    private sealed class Scratch
    {
        public readonly List<(int Depth, int Slot)> Candidates = new();
        public readonly List<OutputPart> OutputParts = new();
        public readonly List<(int Param, object? Value)> Constants = new();

        public void Clear()
        {
            Candidates.Clear();
            OutputParts.Clear();
            Constants.Clear();
        }
    }

    [ThreadStatic]
    private static Scratch? _pooledScratch;

    /// <summary>Compile-time state at a point of the tree.</summary>
    private readonly record struct C(Scope S, bool Ae, bool Soft, bool InLoop, bool Captured = false);

    private Compiler(JinjaEnvironment env, string? name, Scratch scratch)
    {
        _env = env;
        _name = name;
        _scratch = scratch;
    }

    public static CompiledTemplate Compile(JinjaEnvironment env, TemplateNode node, string? name, bool autoescape)
    {
        var scratch = _pooledScratch ?? new Scratch();
        _pooledScratch = null;
        try
        {
            var compiler = new Compiler(env, name, scratch);
            return compiler.Run(node, autoescape);
        }
        finally
        {
            // Cleared (a failed compile may leave entries), and kept unless it grew unusually large.
            scratch.Clear();
            if (scratch.OutputParts.Capacity <= 1024)
            {
                _pooledScratch = scratch;
            }
        }
    }

    private CompiledTemplate Run(TemplateNode node, bool autoescape)
    {
        _defaultAutoescape = autoescape;
        _root.Declare("\0parent");
        AnalyzeAll(node.Body);
        var compiled = new CompiledTemplate { Name = _name, RootScope = _root, Root = null!, Blocks = _blocks };
        DeclareStores(node.Body, _root);
        compiled.Root = Body(node.Body, new C(_root, autoescape, false, false));
        return compiled;
    }

    private TemplateAssertionError Assertion(string message, int line) => new(message, line, _name);

    private void Enter(int line)
    {
        // The stack check runs on the first level and every eighth one after it (see Parser.Enter).
        if (++_depth > 400 || ((_depth & 7) == 1 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            throw new TemplateSyntaxError("the template is nested too deeply", line, _name);
        }
    }

    // ------------------------------------------------------------ tree walking

    /// <summary>
    /// The analysis pass, one walk over the tree before compiling: records on each loop, macro and
    /// call block the special names its body mentions (<see cref="SpecialNames"/>, not looking into
    /// nested blocks), and notes whether the template extends another (anywhere). Returns what
    /// <paramref name="n"/> mentions.
    /// </summary>
    private SpecialNames Analyze(Node n)
    {
        // A tree can be deeper than the parser's nesting limit (a long a.b.c... chain is a loop there),
        // so the walk checks the stack too, on every eighth level.
        if ((++_analyzeDepth & 7) == 1 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TemplateSyntaxError("the template is nested too deeply", n.Line, _name);
        }
        var mentions = AnalyzeNode(n);
        _analyzeDepth--;
        return mentions;
    }

    private SpecialNames AnalyzeNode(Node n)
    {
        switch (n)
        {
            case NameExpr ne:
                return ne.Name switch
                {
                    "loop" => SpecialNames.Loop,
                    "caller" => SpecialNames.Caller,
                    "kwargs" => SpecialNames.Kwargs,
                    "varargs" => SpecialNames.Varargs,
                    _ => SpecialNames.None,
                };
            case ConstExpr or DataExpr or NsRefExpr or LoopControlStmt:
                return SpecialNames.None;
            case OutputStmt o:
                {
                    var r = SpecialNames.None;
                    foreach (var part in o.Parts)
                    {
                        r |= Analyze(part);
                    }
                    return r;
                }
            case GetAttrExpr ga: return Analyze(ga.Target);
            case FilterExpr fe: return AnalyzeIf(fe.Target) | AnalyzeArgs(fe.Args);
            case CallExpr call: return Analyze(call.Target) | AnalyzeArgs(call.Args);
            case CompareExpr cmp:
                {
                    var r = Analyze(cmp.First);
                    foreach (var o in cmp.Ops)
                    {
                        r |= Analyze(o.Value);
                    }
                    return r;
                }
            case TestExpr te: return Analyze(te.Target) | AnalyzeArgs(te.Args);
            case GetItemExpr gi: return Analyze(gi.Target) | Analyze(gi.Key);
            case BinaryExpr be: return Analyze(be.Left) | Analyze(be.Right);
            case ConcatExpr cc: return AnalyzeAll(cc.Items);
            case CondExpr ce: return Analyze(ce.Test) | Analyze(ce.Then) | AnalyzeIf(ce.Otherwise);
            case LogicalExpr le: return Analyze(le.Left) | Analyze(le.Right);
            case NotExpr ne: return Analyze(ne.Operand);
            case UnaryExpr ue: return Analyze(ue.Operand);
            case TupleExpr t: return AnalyzeAll(t.Items);
            case ListExpr l: return AnalyzeAll(l.Items);
            case DictExpr d:
                {
                    var r = SpecialNames.None;
                    foreach (var p in d.Pairs)
                    {
                        r |= Analyze(p.Key) | Analyze(p.Value);
                    }
                    return r;
                }
            case SliceExpr sl: return AnalyzeIf(sl.Start) | AnalyzeIf(sl.Stop) | AnalyzeIf(sl.Step);
            case ForStmt f:
                {
                    var inner = AnalyzeAll(f.Body) | AnalyzeIf(f.Test);
                    f.Mentions = inner;
                    return inner | Analyze(f.Target) | Analyze(f.Iter) | AnalyzeAll(f.Otherwise);
                }
            case IfStmt i: return Analyze(i.Test) | AnalyzeAll(i.Body) | AnalyzeAll(i.Elifs) | AnalyzeAll(i.Otherwise);
            case MacroStmt m:
                m.Mentions = AnalyzeAll(m.Body);
                return m.Mentions | AnalyzeAll(m.Defaults);
            case CallBlockStmt cb:
                cb.Mentions = AnalyzeAll(cb.Body);
                return cb.Mentions | Analyze(cb.Call) | AnalyzeAll(cb.Defaults);
            case FilterBlockStmt fb: return Analyze(fb.Filter) | AnalyzeAll(fb.Body);
            case WithStmt w: return AnalyzeAll(w.Targets) | AnalyzeAll(w.Values) | AnalyzeAll(w.Body);
            case BlockStmt b:
                AnalyzeAll(b.Body);
                return SpecialNames.None;
            case ExtendsStmt e:
                _hasExtends = true;
                return Analyze(e.Template);
            case IncludeStmt inc: return Analyze(inc.Template);
            case ImportStmt imp: return Analyze(imp.Template);
            case FromImportStmt fi: return Analyze(fi.Template);
            case AssignStmt a: return Analyze(a.Target) | Analyze(a.Value);
            case AssignBlockStmt ab: return Analyze(ab.Target) | AnalyzeIf(ab.Filter) | AnalyzeAll(ab.Body);
            case ExprStmt es: return Analyze(es.Value);
            case AutoescapeStmt ae: return Analyze(ae.Value) | AnalyzeAll(ae.Body);
            default: return SpecialNames.None;
        }
    }

    // One overload per list type (a generic method over reference types would look its list type up at run time).
    private SpecialNames AnalyzeAll(List<Stmt> nodes)
    {
        var r = SpecialNames.None;
        for (int i = 0; i < nodes.Count; i++)
        {
            r |= Analyze(nodes[i]);
        }
        return r;
    }

    private SpecialNames AnalyzeAll(List<Expr> nodes)
    {
        var r = SpecialNames.None;
        for (int i = 0; i < nodes.Count; i++)
        {
            r |= Analyze(nodes[i]);
        }
        return r;
    }

    private SpecialNames AnalyzeAll(List<IfStmt> nodes)
    {
        var r = SpecialNames.None;
        for (int i = 0; i < nodes.Count; i++)
        {
            r |= Analyze(nodes[i]);
        }
        return r;
    }

    private SpecialNames AnalyzeIf(Node? node) => node is null ? SpecialNames.None : Analyze(node);

    private SpecialNames AnalyzeArgs(CallArgs args)
    {
        var r = AnalyzeAll(args.Args);
        foreach (var kw in args.Kwargs)
        {
            r |= Analyze(kw.Value);
        }
        return r | AnalyzeIf(args.DynArgs) | AnalyzeIf(args.DynKwargs);
    }

    /// <summary>Declares the names a statement list stores into <paramref name="scope"/> (not descending into nested scopes).</summary>
    private static void DeclareStores(List<Stmt> body, Scope scope)
    {
        foreach (var stmt in body)
        {
            switch (stmt)
            {
                case AssignStmt a: DeclareTarget(a.Target, scope); break;
                case AssignBlockStmt ab: DeclareTarget(ab.Target, scope); break;
                case MacroStmt m: scope.Declare(m.Name); break;
                case ImportStmt i: scope.Declare(i.Target); break;
                case FromImportStmt fi:
                    foreach (var n in fi.Names)
                    {
                        scope.Declare(n.Value);
                    }
                    break;
                case IfStmt ifs:
                    DeclareStores(ifs.Body, scope);
                    foreach (var e in ifs.Elifs)
                    {
                        DeclareStores(e.Body, scope);
                    }
                    DeclareStores(ifs.Otherwise, scope);
                    break;
            }
        }
    }

    private static void DeclareTarget(Expr target, Scope scope)
    {
        switch (target)
        {
            case NameExpr n: scope.Declare(n.Name); break;
            case TupleExpr t:
                foreach (var item in t.Items)
                {
                    DeclareTarget(item, scope);
                }
                break;
        }
    }

    /// <summary>Frames between <paramref name="s"/> and the template root, or -1 when inside another function.</summary>
    private int DepthToRoot(Scope s)
    {
        int d = 0;
        for (var x = s; x != _root; x = x.Parent, d++)
        {
            if (x is null || x.IsFunction)
            {
                return -1;
            }
        }
        return d;
    }

    private int OutputCheckDepth(C c) => _hasExtends && !c.Captured ? DepthToRoot(c.S) : -1;

    // ------------------------------------------------------------ statements

    private StmtFn Body(List<Stmt> body, C c)
    {
        switch (body.Count)
        {
            case 0: return static (rc, f) => Flow.Normal;
            case 1: return Statement(body[0], c);
        }
        var fns = new StmtFn[body.Count];
        for (int i = 0; i < fns.Length; i++)
        {
            fns[i] = Statement(body[i], c);
        }
        return Seq(fns);
    }

    private static StmtFn Seq(List<StmtFn> fns) => fns.Count switch
    {
        0 => static (rc, f) => Flow.Normal,
        1 => fns[0],
        _ => Seq(fns.ToArray()),
    };

    private static StmtFn Seq(StmtFn[] fns)
    {
        switch (fns.Length)
        {
            case 0: return static (rc, f) => Flow.Normal;
            case 1: return fns[0];
            case 2:
                return new Pair(fns[0], fns[1]).Run;
            default:
                return new Sequence(fns).Run;
        }
    }

    /// <summary>Two statements in order; <see cref="Run"/> is the pair's delegate (no separate closure).</summary>
    private sealed class Pair(StmtFn first, StmtFn second)
    {
        public Flow Run(RenderContext rc, Frame f) => first(rc, f) is var r && r != Flow.Normal ? r : second(rc, f);
    }

    /// <summary>Statements in order, stopping at a loop control; <see cref="Run"/> is the sequence's delegate.</summary>
    private sealed class Sequence(StmtFn[] statements)
    {
        public Flow Run(RenderContext rc, Frame f)
        {
            foreach (var s in statements)
            {
                var r = s(rc, f);
                if (r != Flow.Normal)
                {
                    return r;
                }
            }
            return Flow.Normal;
        }
    }

    private StmtFn Statement(Stmt s, C c)
    {
        Enter(s.Line);
        try
        {
            var fn = StatementCore(s, c);
            // Output, if, for and block statements name their line in errors themselves (see Locate).
            return s is OutputStmt or IfStmt or ForStmt or BlockStmt ? fn : Located(fn, s.Line);
        }
        finally
        {
            _depth--;
        }
    }

    private StmtFn Located(StmtFn fn, int line)
    {
        string? name = _name;
        return (rc, f) =>
        {
            try
            {
                return fn(rc, f);
            }
            catch (Exception e) when (Locate(e, line, name))
            {
                throw Wrap(e, line, name);
            }
        };
    }

    /// <summary>
    /// The exception filter of a statement or output part that names its line in errors: a template error
    /// without a line gets this one (and passes on); any other error but a cancellation is to be wrapped
    /// (<see cref="Wrap"/>) by the catch block.
    /// </summary>
    internal static bool Locate(Exception e, int line, string? name)
    {
        if (e is TemplateError te)
        {
            if (te.LineNumber is null)
            {
                te.LineNumber = line;
                te.TemplateName ??= name;
            }
            return false;
        }
        return e is not OperationCanceledException;
    }

    internal static TemplateError Wrap(Exception e, int line, string? name)
    {
        var err = e is InsufficientExecutionStackException
            ? new TemplateRuntimeError("maximum recursion depth exceeded while rendering", e)
            : new TemplateRuntimeError($"{e.GetType().Name}: {e.Message}", e);
        err.LineNumber = line;
        err.TemplateName = name;
        return err;
    }

    private StmtFn StatementCore(Stmt s, C c) => s switch
    {
        OutputStmt o => Output(o, c),
        IfStmt i => If(i, c),
        ForStmt f => For(f, c),
        AssignStmt a => Assign(a, c),
        AssignBlockStmt ab => AssignBlock(ab, c),
        MacroStmt m => MacroStatement(m, c),
        CallBlockStmt cb => CallBlock(cb, c),
        FilterBlockStmt fb => FilterBlock(fb, c),
        WithStmt w => With(w, c),
        BlockStmt b => Block(b, c),
        ExtendsStmt e => Extends(e, c),
        IncludeStmt inc => Include(inc, c),
        ImportStmt imp => Import(imp, c),
        FromImportStmt fi => FromImport(fi, c),
        ExprStmt es => Do(es, c),
        LoopControlStmt lc => LoopControl(lc, c),
        AutoescapeStmt ae => Autoescape(ae, c),
        _ => throw new TemplateSyntaxError($"unsupported statement {s.GetType().Name}", s.Line, _name),
    };

    private StmtFn LoopControl(LoopControlStmt lc, C c)
    {
        if (!c.InLoop)
        {
            throw new TemplateSyntaxError($"'{(lc.IsBreak ? "break" : "continue")}' outside loop", lc.Line, _name);
        }
        var flow = lc.IsBreak ? Flow.Break : Flow.Continue;
        return (rc, f) => flow;
    }

    internal static void WriteValue(RenderContext rc, object? v, bool autoescape)
    {
        var w = rc.Writer;
        switch (v)
        {
            case string s:
                if (autoescape)
                {
                    Markup.WriteEscaped(w, s);
                }
                else
                {
                    w.Write(s);
                }
                return;
            case Markup m:
                w.Write(m.Value);
                return;
            case long l:
                {
                    Span<char> digits = stackalloc char[20];
                    l.TryFormat(digits, out int n, default, CultureInfo.InvariantCulture);
                    w.Write(digits[..n]);
                    return;
                }
            default:
                {
                    string s = Ops.Str(v);
                    if (autoescape)
                    {
                        Markup.WriteEscaped(w, s);
                    }
                    else
                    {
                        w.Write(s);
                    }
                    return;
                }
        }
    }

    private StmtFn Output(OutputStmt o, C c)
    {
        int check = OutputCheckDepth(c);
        // Adjacent constant text (template data and folded constants) is merged into one string;
        // expression parts are written by one delegate for the whole statement, which names the
        // failing part's line in an error. Parts collect on a scratch stack, copied out at their size.
        var parts = _outputParts;
        int from = parts.Count;
        foreach (var p in o.Parts)
        {
            string? text = null;
            if (p is DataExpr d)
            {
                text = d.Text;
            }
            else if (TryFold(p, c) is string constant)
            {
                text = c.Ae ? Markup.EscapeText(constant) : constant;
            }
            if (text is not null)
            {
                if (parts.Count > from && parts[^1].Text is { } previous)
                {
                    parts[^1] = parts[^1] with { Item = previous + text };
                }
                else
                {
                    parts.Add(new OutputPart(text, p.Line));
                }
                continue;
            }
            if (BoundFormatWriter(p, c) is { } writer)
            {
                parts.Add(new OutputPart(writer, p.Line));
                continue;
            }
            parts.Add(new OutputPart(Expression(p, c), p.Line));
        }
        var written = parts.Count == from ? [] : CollectionsMarshal.AsSpan(parts)[from..].ToArray();
        parts.RemoveRange(from, parts.Count - from);
        if (check < 0)
        {
            switch (written.Length)
            {
                case 0:
                    return static (rc, f) => Flow.Normal;
                case 1 when written[0].Text is { } only:
                    return only.WriteText;
            }
        }
        var output = new OutputWriter(written, c.Ae, _name, check);
        return check < 0 ? output.Write : output.WriteUnlessExtended;
    }

    private StmtFn If(IfStmt node, C c)
    {
        var soft = c with { Soft = true };
        var t = Expression(node.Test, soft);
        var b = Body(node.Body, soft);
        int line = node.Line;
        string? name = _name;
        if (node.Elifs.Count == 0)
        {
            var otherwise = Body(node.Otherwise, soft);
            return (rc, f) =>
            {
                try
                {
                    return Ops.Truthy(t(rc, f)) ? b(rc, f) : otherwise(rc, f);
                }
                catch (Exception e) when (Locate(e, line, name))
                {
                    throw Wrap(e, line, name);
                }
            };
        }
        var ta = new ExprFn[node.Elifs.Count + 1];
        var ba = new StmtFn[ta.Length];
        ta[0] = t;
        ba[0] = b;
        for (int i = 1; i < ta.Length; i++)
        {
            ta[i] = Expression(node.Elifs[i - 1].Test, soft);
            ba[i] = Body(node.Elifs[i - 1].Body, soft);
        }
        var otherwiseAll = Body(node.Otherwise, soft);
        return (rc, f) =>
        {
            try
            {
                for (int i = 0; i < ta.Length; i++)
                {
                    if (Ops.Truthy(ta[i](rc, f)))
                    {
                        return ba[i](rc, f);
                    }
                }
                return otherwiseAll(rc, f);
            }
            catch (Exception e) when (Locate(e, line, name))
            {
                throw Wrap(e, line, name);
            }
        };
    }

    private StmtFn Do(ExprStmt node, C c)
    {
        var e = Expression(node.Value, c);
        return (rc, f) =>
        {
            e(rc, f);
            return Flow.Normal;
        };
    }

    private StmtFn Autoescape(AutoescapeStmt node, C c)
    {
        var scope = new Scope(c.S, false);
        DeclareStores(node.Body, scope);
        var folded = TryFold(node.Value, c);
        if (node.Value is ConstExpr || folded is not null)
        {
            bool on = Ops.Truthy(node.Value is ConstExpr k ? k.Value : folded);
            var body = Body(node.Body, c with { S = scope, Ae = on });
            return (rc, f) => body(rc, scope.NewFrame(f));
        }
        var value = Expression(node.Value, c);
        var onBody = Body(node.Body, c with { S = scope, Ae = true });
        var offBody = Body(node.Body, c with { S = scope, Ae = false });
        return (rc, f) => Ops.Truthy(value(rc, f)) ? onBody(rc, scope.NewFrame(f)) : offBody(rc, scope.NewFrame(f));
    }

    // ------------------------------------------------------------ assignment

    private delegate void Assigner(RenderContext rc, Frame f, object? value);

    private Assigner Target(Expr target, C c)
    {
        switch (target)
        {
            case NameExpr n:
                {
                    int slot = c.S.Declare(n.Name);
                    string name = n.Name;
                    if (c.S == _root)
                    {
                        return (rc, f, v) =>
                        {
                            f.Slots[slot] = v;
                            rc.Export(name, v);
                        };
                    }
                    return SlotStore(slot);
                }
            case TupleExpr t:
                {
                    var items = new Assigner[t.Items.Count];
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = Target(t.Items[i], c);
                    }
                    return (rc, f, v) =>
                    {
                        var values = Ops.ToList(v);
                        if (values.Count < items.Length)
                        {
                            throw PythonError.ValueError($"not enough values to unpack (expected {items.Length}, got {values.Count})");
                        }
                        if (values.Count > items.Length)
                        {
                            throw PythonError.ValueError($"too many values to unpack (expected {items.Length})");
                        }
                        for (int i = 0; i < items.Length; i++)
                        {
                            items[i](rc, f, values[i]);
                        }
                    };
                }
            case NsRefExpr ns:
                {
                    var load = Load(ns.Name, c);
                    string attr = ns.Attr;
                    return (rc, f, v) =>
                    {
                        if (load(rc, f) is not Namespace space)
                        {
                            throw new TemplateRuntimeError("cannot assign attribute on non-namespace object");
                        }
                        space.Set(attr, v);
                    };
                }
            default:
                throw new TemplateSyntaxError($"can't assign to '{target.GetType().Name}'", target.Line, _name);
        }
    }

    /// <summary>Stores into the first <see cref="CachedSlots"/> slots of the current frame, made once.</summary>
    private static readonly Assigner?[] SlotStores = new Assigner?[CachedSlots];

    /// <summary>A store into one slot of the current frame.</summary>
    private static Assigner SlotStore(int slot)
    {
        if (slot < CachedSlots)
        {
            return SlotStores[slot] ??= NewSlotStore(slot);
        }
        return NewSlotStore(slot);
    }

    private static Assigner NewSlotStore(int slot) => (rc, f, v) => f.Slots[slot] = v;

    private StmtFn Assign(AssignStmt node, C c)
    {
        var value = Expression(node.Value, c);
        var target = Target(node.Target, c);
        return (rc, f) =>
        {
            target(rc, f, value(rc, f));
            return Flow.Normal;
        };
    }

    private StmtFn AssignBlock(AssignBlockStmt node, C c)
    {
        var scope = new Scope(c.S, false);
        DeclareStores(node.Body, scope);
        var body = Body(node.Body, c with { S = scope, Captured = true });
        bool ae = c.Ae;
        ExprFn captured = (rc, f) =>
        {
            string s = rc.Capture(() => body(rc, scope.NewFrame(f)));
            return ae ? new Markup(s) : s;
        };
        var value = node.Filter is null ? captured : FilterChain(node.Filter, captured, c);
        var target = Target(node.Target, c);
        return (rc, f) =>
        {
            target(rc, f, value(rc, f));
            return Flow.Normal;
        };
    }

    private StmtFn With(WithStmt node, C c)
    {
        var values = node.Values.Select(v => Expression(v, c)).ToArray();
        var scope = new Scope(c.S, false);
        foreach (var t in node.Targets)
        {
            DeclareTarget(t, scope);
        }
        DeclareStores(node.Body, scope);
        var inner = c with { S = scope };
        var targets = node.Targets.Select(t => Target(t, inner)).ToArray();
        var body = Body(node.Body, inner);
        return (rc, f) =>
        {
            var evaluated = new object?[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                evaluated[i] = values[i](rc, f);
            }
            var frame = scope.NewFrame(f);
            for (int i = 0; i < targets.Length; i++)
            {
                targets[i](rc, frame, evaluated[i]);
            }
            return body(rc, frame);
        };
    }

    private StmtFn FilterBlock(FilterBlockStmt node, C c)
    {
        var scope = new Scope(c.S, false);
        DeclareStores(node.Body, scope);
        var body = Body(node.Body, c with { S = scope, Captured = true });
        bool ae = c.Ae;
        ExprFn captured = (rc, f) =>
        {
            string s = rc.Capture(() => body(rc, scope.NewFrame(f)));
            return ae ? new Markup(s) : s;
        };
        var value = FilterChain(node.Filter, captured, c);
        int check = OutputCheckDepth(c);
        var inner = value;
        // Jinja2 writes a filter block's result as it is (never escaped); it must be a str.
        value = (rc, f) => inner(rc, f) is var v && v is string or Markup
            ? v
            : throw PythonError.TypeError($"sequence item 0: expected str instance, {Ops.TypeName(v)} found");
        return (rc, f) =>
        {
            if (check >= 0 && f.Up(check).Slots[0] is not null)
            {
                return Flow.Normal;
            }
            WriteValue(rc, value(rc, f), false);
            return Flow.Normal;
        };
    }

    private ExprFn FilterChain(FilterExpr node, ExprFn source, C c)
    {
        var inner = node.Target switch
        {
            null => source,
            FilterExpr fe => FilterChain(fe, source, c),
            var other => Expression(other, c),
        };
        return Filter(node, inner, c);
    }
}
