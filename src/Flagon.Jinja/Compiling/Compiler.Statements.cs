using Flagon.Jinja.Parsing.Nodes;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>Loops, macros, blocks, inheritance, includes and imports.</summary>
internal sealed partial class Compiler
{
    private StmtFn For(ForStmt node, C c)
    {
        var iter = Expression(node.Iter, c);
        var scope = new Scope(c.S, false);
        DeclareTarget(node.Target, scope);
        bool usesLoop = (node.Mentions & SpecialNames.Loop) != 0 || node.Recursive;
        int loopSlot = usesLoop ? scope.Declare("loop") : -1;
        // Slots are numbered in declaration order (a loop scope has no free slots): the target's (and
        // loop's) come first, the body's stores after them are reset between iterations.
        int targetSlotCount = scope.SlotCount;
        DeclareStores(node.Body, scope);
        var inner = new C(scope, c.Ae, false, true);
        var target = Target(node.Target, inner);
        var test = node.Test is null ? null : Expression(node.Test, inner);
        var body = Body(node.Body, inner);
        var resetSlots = scope.SlotCount == targetSlotCount ? [] : new int[scope.SlotCount - targetSlotCount];
        for (int i = 0; i < resetSlots.Length; i++)
        {
            resetSlots[i] = targetSlotCount + i;
        }
        Scope? elseScope = null;
        StmtFn? otherwise = null;
        if (node.Otherwise.Count > 0)
        {
            elseScope = new Scope(c.S, false);
            DeclareStores(node.Otherwise, elseScope);
            otherwise = Body(node.Otherwise, c with { S = elseScope });
        }
        bool recursive = node.Recursive;
        bool ae = c.Ae;
        var env = _env;

        void RunLoop(RenderContext rc, Frame outer, object? iterable, int depth0)
        {
            var frame = scope.NewFrame(outer);
            IReadOnlyList<object?> items;
            if (test is null)
            {
                items = Ops.ToList(iterable);
            }
            else
            {
                var filtered = new List<object?>();
                foreach (var item in Ops.Iterate(iterable))
                {
                    target(rc, frame, item);
                    if (Ops.Truthy(test(rc, frame)))
                    {
                        filtered.Add(item);
                    }
                }
                items = filtered;
                frame.Clear(resetSlots);
            }
            if (items.Count == 0)
            {
                if (otherwise is not null)
                {
                    otherwise(rc, elseScope!.NewFrame(outer));
                }
                return;
            }
            bool iterated = false;
            LoopContext? loop = null;
            if (usesLoop)
            {
                Func<object?, object?>? recurse = null;
                if (recursive)
                {
                    recurse = sub =>
                    {
                        rc.Enter();
                        try
                        {
                            string s = rc.Capture(() => RunLoop(rc, outer, sub, depth0 + 1));
                            return ae ? new Markup(s) : s;
                        }
                        finally
                        {
                            rc.Leave();
                        }
                    };
                }
                loop = new LoopContext(items, depth0, recurse, env);
                frame.Slots[loopSlot] = loop;
            }
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    frame.Clear(resetSlots);
                    if (loop is not null)
                    {
                        frame.Slots[loopSlot] = loop;
                    }
                }
                if (loop is not null)
                {
                    loop.Index0 = i;
                }
                target(rc, frame, items[i]);
                var flow = body(rc, frame);
                if (flow == Flow.Break)
                {
                    break;
                }
                if (flow == Flow.Normal)
                {
                    iterated = true;
                }
            }
            if (!iterated && otherwise is not null)
            {
                otherwise(rc, elseScope!.NewFrame(outer));
            }
        }

        int line = node.Line;
        string? name = _name;
        return (rc, f) =>
        {
            try
            {
                RunLoop(rc, f, iter(rc, f), 0);
                return Flow.Normal;
            }
            catch (Exception e) when (Locate(e, line, name))
            {
                throw Wrap(e, line, name);
            }
        };
    }

    private MacroDef BuildMacro(string name, List<string> args, List<Expr> defaults, List<Stmt> body, SpecialNames mentions, C c, bool isCaller = false)
    {
        int callerIndex = args.IndexOf("caller");
        if (callerIndex >= 0 && callerIndex < args.Count - defaults.Count)
        {
            throw Assertion("When defining macros or call blocks the special \"caller\" argument must be omitted or be given a default.", body.Count > 0 ? body[0].Line : 1);
        }
        var scope = new Scope(c.S, true);
        var argSlots = new int[args.Count];
        for (int i = 0; i < argSlots.Length; i++)
        {
            argSlots[i] = scope.Declare(args[i]);
        }
        bool Uses(string special, SpecialNames flag) => (mentions & flag) != 0 && !args.Contains(special);
        int callerSlot = Uses("caller", SpecialNames.Caller) ? scope.Declare("caller") : -1;
        int kwargsSlot = Uses("kwargs", SpecialNames.Kwargs) ? scope.Declare("kwargs") : -1;
        int varargsSlot = Uses("varargs", SpecialNames.Varargs) ? scope.Declare("varargs") : -1;
        DeclareStores(body, scope);
        var inner = new C(scope, c.Ae, false, false);
        var defaultFns = new List<ExprFn>(defaults.Count);
        foreach (var d in defaults)
        {
            defaultFns.Add(Expression(d, inner));
        }
        var def = new MacroDef
        {
            Name = name,
            IsCaller = isCaller,
            Args = args,
            ArgSlots = argSlots,
            Defaults = defaultFns,
            Scope = scope,
            Body = null!,
            CallerSlot = callerSlot,
            KwargsSlot = kwargsSlot,
            VarargsSlot = varargsSlot,
        };
        def.Body = Body(body, inner);
        return def;
    }

    private StmtFn MacroStatement(MacroStmt node, C c)
    {
        var def = BuildMacro(node.Name, node.Args, node.Defaults, node.Body, node.Mentions, c);
        var target = Target(new NameExpr(node.Line, node.Name), c);
        return (rc, f) =>
        {
            target(rc, f, new Macro(def, rc, f));
            return Flow.Normal;
        };
    }

    private StmtFn CallBlock(CallBlockStmt node, C c)
    {
        var def = BuildMacro("caller", node.Args, node.Defaults, node.Body, node.Mentions, c, isCaller: true);
        var callee = Expression(node.Call.Target, c);
        var args = Arguments(node.Call.Args, c);
        bool ae = c.Ae;
        int check = OutputCheckDepth(c);
        return (rc, f) =>
        {
            if (check >= 0 && f.Up(check).Slots[0] is not null)
            {
                return Flow.Normal;
            }
            var fn = callee(rc, f);
            var (pos, kw) = args(rc, f, null, false);
            var kwl = kw is null ? new List<KeyValuePair<string, object?>>() : new List<KeyValuePair<string, object?>>(kw);
            kwl.Add(new("caller", new Macro(def, rc, f)));
            WriteValue(rc, Ops.Call(rc.Eval(ae), fn, pos, kwl), ae);
            return Flow.Normal;
        };
    }

    private StmtFn Block(BlockStmt node, C c)
    {
        if (_blocks.ContainsKey(node.Name))
        {
            throw Assertion($"block '{node.Name}' defined twice", node.Line);
        }
        var scope = new Scope(null, true) { BlockName = node.Name };
        DeclareStores(node.Body, scope);
        var body = node.Required ? null : Body(node.Body, new C(scope, _defaultAutoescape, false, false));
        var block = new BlockRunner(node.Name, scope, body, node.Scoped ? LocalsSpec(c) : null, OutputCheckDepth(c), node.Line, _name);
        _blocks[node.Name] = new BlockDef(node.Name, _name, block.Render);
        return block.Run;
    }

    /// <summary>
    /// A compiled block: <see cref="Render"/> renders its body (the <see cref="BlockDef"/>'s delegate),
    /// <see cref="Run"/> is the block statement (renders the topmost definition of the block).
    /// </summary>
    private sealed class BlockRunner(string blockName, Scope scope, StmtFn? body, List<(string Name, int Depth, int Slot)>? locals, int check, int line, string? templateName)
    {
        public void Render(RenderContext rc, BlockDef self, IReadOnlyDictionary<string, object?>? scopedLocals)
        {
            if (body is null)
            {
                throw new TemplateRuntimeError($"Required block '{blockName}' not found.");
            }
            var frame = scope.NewFrame(null);
            scope.ResolveFree(rc, frame, scopedLocals, self);
            body(rc, frame);
        }

        public Flow Run(RenderContext rc, Frame f)
        {
            try
            {
                if (check >= 0 && f.Up(check).Slots[0] is not null)
                {
                    return Flow.Normal;
                }
                var scoped = locals is null ? null : CollectLocals(locals, f);
                rc.Blocks[blockName][0].Render(rc, scoped);
                return Flow.Normal;
            }
            catch (Exception e) when (Locate(e, line, templateName))
            {
                throw Wrap(e, line, templateName);
            }
        }
    }

    private StmtFn Extends(ExtendsStmt node, C c)
    {
        var template = Expression(node.Template, c);
        int depth = DepthToRoot(c.S);
        if (depth < 0)
        {
            throw Assertion("cannot use extend from a non top-level scope", node.Line);
        }
        string? name = _name;
        return (rc, f) =>
        {
            var root = f.Up(depth);
            if (root.Slots[0] is not null)
            {
                throw new TemplateRuntimeError("extended multiple times");
            }
            var parent = rc.Environment.ResolveTemplate(template(rc, f), name, allowList: false);
            root.Slots[0] = parent;
            rc.AddBlocks(parent.Compiled.Blocks);
            return Flow.Normal;
        };
    }

    /// <summary>The stored names visible at a point, innermost first, as (name, frame depth, slot).</summary>
    private static List<(string Name, int Depth, int Slot)> LocalsSpec(C c)
    {
        var result = new List<(string, int, int)>();
        int depth = 0;
        for (var s = c.S; s is not null; s = s.Parent, depth++)
        {
            foreach (var (name, slot) in s.StoredEntries)
            {
                if (name != "loop" && !name.StartsWith('\0'))
                {
                    result.Add((name, depth, slot));
                }
            }
            foreach (var (name, slot) in s.FreeEntries)
            {
                if (name is not ("loop" or "self" or "super"))
                {
                    result.Add((name, depth, slot));
                }
            }
        }
        return result;
    }

    private static Dictionary<string, object?> CollectLocals(List<(string Name, int Depth, int Slot)> spec, Frame f)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, depth, slot) in spec)
        {
            if (result.ContainsKey(name))
            {
                continue;
            }
            var v = f.Up(depth).Slots[slot];
            if (v != Frame.Missing && v is not Undefined { HasObject: false, Hint: null })
            {
                result[name] = v;
            }
        }
        return result;
    }

    private static Dictionary<string, object?> ContextWithLocals(RenderContext rc, List<(string Name, int Depth, int Slot)> spec, Frame f)
    {
        var vars = new Dictionary<string, object?>(rc.Vars, StringComparer.Ordinal);
        foreach (var (name, value) in CollectLocals(spec, f))
        {
            vars[name] = value;
        }
        return vars;
    }

    private StmtFn Include(IncludeStmt node, C c)
    {
        var template = Expression(node.Template, c);
        var spec = node.WithContext ? LocalsSpec(c) : null;
        bool ignoreMissing = node.IgnoreMissing;
        string? name = _name;
        int check = OutputCheckDepth(c);
        return (rc, f) =>
        {
            if (check >= 0 && f.Up(check).Slots[0] is not null)
            {
                return Flow.Normal;
            }
            Template t;
            try
            {
                t = rc.Environment.ResolveTemplate(template(rc, f), name, allowList: true);
            }
            catch (TemplateNotFound) when (ignoreMissing)
            {
                return Flow.Normal;
            }
            var vars = spec is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : ContextWithLocals(rc, spec, f);
            var sub = new RenderContext(rc.Environment, vars, rc.Shared, rc.Writer);
            sub.AddBlocks(t.Compiled.Blocks);
            rc.Enter();
            try
            {
                t.Compiled.RenderRoot(sub);
            }
            finally
            {
                rc.Leave();
            }
            return Flow.Normal;
        };
    }

    private Func<RenderContext, Frame, TemplateModule> ModuleLoader(Expr templateExpr, bool withContext, C c)
    {
        var template = Expression(templateExpr, c);
        var spec = withContext ? LocalsSpec(c) : null;
        string? name = _name;
        return (rc, f) =>
        {
            var t = rc.Environment.ResolveTemplate(template(rc, f), name, allowList: true);
            rc.Enter();
            try
            {
                return spec is null ? t.GetModule(rc.Shared) : t.MakeModule(ContextWithLocals(rc, spec, f), rc.Shared);
            }
            finally
            {
                rc.Leave();
            }
        };
    }

    private StmtFn Import(ImportStmt node, C c)
    {
        var load = ModuleLoader(node.Template, node.WithContext, c);
        int slot = c.S.Declare(node.Target);
        string target = node.Target;
        bool top = c.S == _root;
        return (rc, f) =>
        {
            var module = load(rc, f);
            f.Slots[slot] = module;
            if (top)
            {
                rc.Vars[target] = module;
            }
            return Flow.Normal;
        };
    }

    private StmtFn FromImport(FromImportStmt node, C c)
    {
        var load = ModuleLoader(node.Template, node.WithContext, c);
        var names = node.Names.Select(n => (n.Key, n.Value, c.S.Declare(n.Value))).ToArray();
        bool top = c.S == _root;
        int line = node.Line;
        return (rc, f) =>
        {
            var module = load(rc, f);
            foreach (var (name, alias, slot) in names)
            {
                object? value = module.TryGetAttribute(name, out var v)
                    ? v
                    : Undefined.Create(rc.Environment.Undefined,
                        hint: $"the template {Ops.Repr(module.Name)} (imported on line {line}) does not export the requested name {Ops.Repr(name)}",
                        name: name);
                f.Slots[slot] = value;
                if (top)
                {
                    rc.Vars[alias] = value;
                }
            }
            return Flow.Normal;
        };
    }
}
