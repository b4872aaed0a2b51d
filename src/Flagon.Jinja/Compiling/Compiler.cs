using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>Compile-time state at a point of the tree.</summary>
    private readonly record struct C(Scope S, bool Ae, bool Soft, bool InLoop, bool Captured = false);

    private Compiler(JinjaEnvironment env, string? name)
    {
        _env = env;
        _name = name;
    }

    public static CompiledTemplate Compile(JinjaEnvironment env, TemplateNode node, string? name, bool autoescape)
    {
        var compiler = new Compiler(env, name);
        return compiler.Run(node, autoescape);
    }

    private CompiledTemplate Run(TemplateNode node, bool autoescape)
    {
        _defaultAutoescape = autoescape;
        _root.Declare("\0parent");
        _hasExtends = Any(node.Body, static n => n is ExtendsStmt);
        var compiled = new CompiledTemplate { Name = _name, RootScope = _root, Root = null!, Blocks = _blocks };
        DeclareStores(node.Body, _root);
        compiled.Root = Body(node.Body, new C(_root, autoescape, false, false));
        return compiled;
    }

    private TemplateAssertionError Assertion(string message, int line) => new(message, line, _name);

    private void Enter(int line)
    {
        if (++_depth > 400 || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TemplateSyntaxError("the template is nested too deeply", line, _name);
        }
    }

    // ------------------------------------------------------------ tree walking

    /// <summary>Pushes the child nodes of <paramref name="n"/> (statements and expressions) onto <paramref name="into"/>.</summary>
    private static void PushChildren(Node n, Stack<Node> into)
    {
        switch (n)
        {
            case TemplateNode t: PushAll(t.Body, into); break;
            case OutputStmt o: PushAll(o.Parts, into); break;
            case ForStmt f:
                into.Push(f.Target);
                into.Push(f.Iter);
                PushAll(f.Body, into);
                PushAll(f.Otherwise, into);
                PushIf(f.Test, into);
                break;
            case IfStmt i:
                into.Push(i.Test);
                PushAll(i.Body, into);
                PushAll(i.Elifs, into);
                PushAll(i.Otherwise, into);
                break;
            case MacroStmt m:
                PushAll(m.Defaults, into);
                PushAll(m.Body, into);
                break;
            case CallBlockStmt cb:
                into.Push(cb.Call);
                PushAll(cb.Defaults, into);
                PushAll(cb.Body, into);
                break;
            case FilterBlockStmt fb:
                into.Push(fb.Filter);
                PushAll(fb.Body, into);
                break;
            case WithStmt w:
                PushAll(w.Targets, into);
                PushAll(w.Values, into);
                PushAll(w.Body, into);
                break;
            case BlockStmt b: PushAll(b.Body, into); break;
            case ExtendsStmt e: into.Push(e.Template); break;
            case IncludeStmt inc: into.Push(inc.Template); break;
            case ImportStmt imp: into.Push(imp.Template); break;
            case FromImportStmt fi: into.Push(fi.Template); break;
            case AssignStmt a:
                into.Push(a.Target);
                into.Push(a.Value);
                break;
            case AssignBlockStmt ab:
                into.Push(ab.Target);
                PushIf(ab.Filter, into);
                PushAll(ab.Body, into);
                break;
            case ExprStmt es: into.Push(es.Value); break;
            case AutoescapeStmt ae:
                into.Push(ae.Value);
                PushAll(ae.Body, into);
                break;
            case TupleExpr t: PushAll(t.Items, into); break;
            case ListExpr l: PushAll(l.Items, into); break;
            case DictExpr d:
                foreach (var p in d.Pairs)
                {
                    into.Push(p.Key);
                    into.Push(p.Value);
                }
                break;
            case CondExpr ce:
                into.Push(ce.Test);
                into.Push(ce.Then);
                PushIf(ce.Otherwise, into);
                break;
            case BinaryExpr be:
                into.Push(be.Left);
                into.Push(be.Right);
                break;
            case LogicalExpr le:
                into.Push(le.Left);
                into.Push(le.Right);
                break;
            case NotExpr ne: into.Push(ne.Operand); break;
            case UnaryExpr ue: into.Push(ue.Operand); break;
            case CompareExpr cmp:
                into.Push(cmp.First);
                foreach (var o in cmp.Ops)
                {
                    into.Push(o.Value);
                }
                break;
            case ConcatExpr cc: PushAll(cc.Items, into); break;
            case FilterExpr fe:
                PushIf(fe.Target, into);
                PushArgs(fe.Args, into);
                break;
            case TestExpr te:
                into.Push(te.Target);
                PushArgs(te.Args, into);
                break;
            case CallExpr call:
                into.Push(call.Target);
                PushArgs(call.Args, into);
                break;
            case GetAttrExpr ga: into.Push(ga.Target); break;
            case GetItemExpr gi:
                into.Push(gi.Target);
                into.Push(gi.Key);
                break;
            case SliceExpr sl:
                PushIf(sl.Start, into);
                PushIf(sl.Stop, into);
                PushIf(sl.Step, into);
                break;
        }
    }

    private static void PushAll<T>(List<T> nodes, Stack<Node> into)
        where T : Node
    {
        foreach (var node in nodes)
        {
            into.Push(node);
        }
    }

    private static void PushIf(Node? node, Stack<Node> into)
    {
        if (node is not null)
        {
            into.Push(node);
        }
    }

    private static void PushArgs(CallArgs args, Stack<Node> into)
    {
        PushAll(args.Args, into);
        foreach (var kw in args.Kwargs)
        {
            into.Push(kw.Value);
        }
        PushIf(args.DynArgs, into);
        PushIf(args.DynKwargs, into);
    }

    /// <summary>Whether any node under <paramref name="roots"/> (in any order) satisfies <paramref name="match"/>.</summary>
    private static bool Any(IEnumerable<Node> roots, Func<Node, bool> match, bool stopAtBlocks = false)
    {
        var stack = new Stack<Node>(roots);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (match(n))
            {
                return true;
            }
            if (stopAtBlocks && n is BlockStmt)
            {
                continue;
            }
            PushChildren(n, stack);
        }
        return false;
    }

    private static bool Mentions(IEnumerable<Node> roots, string name, bool stopAtBlocks = true) =>
        Any(roots, n => n is NameExpr ne && ne.Name == name, stopAtBlocks);

    /// <summary>Declares the names a statement list stores into <paramref name="scope"/> (not descending into nested scopes).</summary>
    private static void DeclareStores(IEnumerable<Stmt> body, Scope scope)
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
        var fns = new List<StmtFn>(body.Count);
        foreach (var s in body)
        {
            fns.Add(Statement(s, c));
        }
        return Seq(fns);
    }

    private static StmtFn Seq(List<StmtFn> fns)
    {
        switch (fns.Count)
        {
            case 0: return static (rc, f) => Flow.Normal;
            case 1: return fns[0];
            case 2:
                {
                    var a = fns[0];
                    var b = fns[1];
                    return (rc, f) => a(rc, f) is var r && r != Flow.Normal ? r : b(rc, f);
                }
            default:
                {
                    var arr = fns.ToArray();
                    return (rc, f) =>
                    {
                        foreach (var s in arr)
                        {
                            var r = s(rc, f);
                            if (r != Flow.Normal)
                            {
                                return r;
                            }
                        }
                        return Flow.Normal;
                    };
                }
        }
    }

    private StmtFn Statement(Stmt s, C c)
    {
        Enter(s.Line);
        try
        {
            var fn = StatementCore(s, c);
            return s is OutputStmt ? fn : Located(fn, s.Line);
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
            catch (TemplateError e) when (e.LineNumber is null)
            {
                e.LineNumber = line;
                e.TemplateName ??= name;
                throw;
            }
            catch (Exception e) when (e is not TemplateError and not OperationCanceledException)
            {
                throw Wrap(e, line, name);
            }
        };
    }

    private static TemplateError Wrap(Exception e, int line, string? name)
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
        // failing part's line in an error.
        var texts = new List<string?>();
        var exprs = new List<ExprFn?>();
        var writers = new List<Action<RenderContext, Frame>?>();
        var lines = new List<int>();
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
                if (texts.Count > 0 && texts[^1] is { } previous)
                {
                    texts[^1] = previous + text;
                }
                else
                {
                    texts.Add(text);
                    exprs.Add(null);
                    writers.Add(null);
                    lines.Add(p.Line);
                }
                continue;
            }
            texts.Add(null);
            lines.Add(p.Line);
            if (BoundFormatWriter(p, c) is { } writer)
            {
                writers.Add(writer);
                exprs.Add(null);
                continue;
            }
            writers.Add(null);
            exprs.Add(Expression(p, c));
        }
        var body = OutputParts(texts.ToArray(), exprs.ToArray(), writers.Any(w => w is not null) ? writers.ToArray() : null, lines.ToArray(), c.Ae);
        if (check < 0)
        {
            return body;
        }
        return (rc, f) => f.Up(check).Slots[0] is not null ? Flow.Normal : body(rc, f);
    }

    /// <summary>Writes an output statement's parts in order: constant text as is, expression values through <see cref="WriteValue"/>.</summary>
    private StmtFn OutputParts(string?[] texts, ExprFn?[] exprs, Action<RenderContext, Frame>?[]? writers, int[] lines, bool ae)
    {
        string? name = _name;
        switch (texts.Length)
        {
            case 0:
                return static (rc, f) => Flow.Normal;
            case 1 when texts[0] is { } only:
                return (rc, f) =>
                {
                    rc.Writer.Write(only);
                    return Flow.Normal;
                };
        }
        return (rc, f) =>
        {
            int i = 0;
            try
            {
                for (; i < texts.Length; i++)
                {
                    if (texts[i] is { } text)
                    {
                        rc.Writer.Write(text);
                    }
                    else if (writers?[i] is { } write)
                    {
                        write(rc, f);
                    }
                    else
                    {
                        WriteValue(rc, exprs[i]!(rc, f), ae);
                    }
                }
            }
            catch (TemplateError ex) when (texts[i] is null && ex.LineNumber is null)
            {
                ex.LineNumber = lines[i];
                ex.TemplateName ??= name;
                throw;
            }
            catch (Exception ex) when (texts[i] is null && ex is not TemplateError and not OperationCanceledException)
            {
                throw Wrap(ex, lines[i], name);
            }
            return Flow.Normal;
        };
    }

    private StmtFn If(IfStmt node, C c)
    {
        var soft = c with { Soft = true };
        var tests = new List<ExprFn> { Expression(node.Test, soft) };
        var bodies = new List<StmtFn> { Body(node.Body, soft) };
        foreach (var elif in node.Elifs)
        {
            tests.Add(Expression(elif.Test, soft));
            bodies.Add(Body(elif.Body, soft));
        }
        var otherwise = Body(node.Otherwise, soft);
        if (tests.Count == 1)
        {
            var t = tests[0];
            var b = bodies[0];
            return (rc, f) => Ops.Truthy(t(rc, f)) ? b(rc, f) : otherwise(rc, f);
        }
        var ta = tests.ToArray();
        var ba = bodies.ToArray();
        return (rc, f) =>
        {
            for (int i = 0; i < ta.Length; i++)
            {
                if (Ops.Truthy(ta[i](rc, f)))
                {
                    return ba[i](rc, f);
                }
            }
            return otherwise(rc, f);
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
                    return (rc, f, v) => f.Slots[slot] = v;
                }
            case TupleExpr t:
                {
                    var items = t.Items.Select(i => Target(i, c)).ToArray();
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
