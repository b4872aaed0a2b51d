using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Flagon.Jinja.Lexing;
using Flagon.Jinja.Parsing.Nodes;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Parsing;

/// <summary>
/// Recursive-descent parser from tokens to a syntax tree, following Jinja2's grammar, precedence
/// and error messages. Nesting deeper than <see cref="MaxDepth"/> is a <see cref="TemplateSyntaxError"/>.
/// </summary>
internal sealed class Parser
{
    /// <summary>The deepest nesting of expressions and blocks accepted.</summary>
    public const int MaxDepth = 200;

    private static readonly string[] UntilElifElseEndif = ["name:elif", "name:else", "name:endif"];
    private static readonly string[] UntilEndautoescape = ["name:endautoescape"];
    private static readonly string[] UntilEndblock = ["name:endblock"];
    private static readonly string[] UntilEndcall = ["name:endcall"];
    private static readonly string[] UntilEndfilter = ["name:endfilter"];
    private static readonly string[] UntilEndfor = ["name:endfor"];
    private static readonly string[] UntilEndforElse = ["name:endfor", "name:else"];
    private static readonly string[] UntilEndgeneration = ["name:endgeneration"];
    private static readonly string[] UntilEndif = ["name:endif"];
    private static readonly string[] UntilEndmacro = ["name:endmacro"];
    private static readonly string[] UntilEndset = ["name:endset"];
    private static readonly string[] UntilEndwith = ["name:endwith"];
    private static readonly string[] UntilIn = ["name:in"];
    private static readonly string[] UntilRecursive = ["name:recursive"];

    private List<Token> _tokens;
    private string? _name;
    private JinjaExtensions _extensions;
    private readonly List<string[]> _endTokenStack = new();
    private readonly List<string> _tagStack = new();
    private readonly List<Expr> _parts = new();

    /// <summary>Scratch stack of the statements of the bodies being parsed (each body copies its own out at its size).</summary>
    private readonly List<Stmt> _statements = new();
    private int _pos;
    private int _depth;

    private Parser(List<Token> tokens, string? name, JinjaExtensions extensions)
    {
        _tokens = tokens;
        _name = name;
        _extensions = extensions;
    }

    /// <summary>Parses a whole template.</summary>
    public static TemplateNode Parse(List<Token> tokens, string? name, JinjaExtensions extensions)
    {
        var parser = new Parser(tokens, name, extensions);
        return new TemplateNode(1, parser.Subparse(null));
    }

    /// <summary>
    /// Lexes and parses a whole template. The token list and the parser's scratch lists are only needed
    /// while parsing, so each thread keeps one set and reuses it (a token list grown past
    /// <see cref="MaxPooledTokens"/> is not kept; a parse on the same thread while one runs gets its own).
    /// </summary>
    public static TemplateNode ParseSource(string source, LexerSettings settings, string? name, JinjaExtensions extensions)
    {
        var tokens = _pooledTokens ?? new List<Token>();
        _pooledTokens = null;
        var parser = _pooledParser;
        _pooledParser = null;
        try
        {
            Lexer.Tokenize(source, settings, name, tokens);
            if (parser is null)
            {
                parser = new Parser(tokens, name, extensions);
            }
            else
            {
                parser._tokens = tokens;
                parser._name = name;
                parser._extensions = extensions;
            }
            return new TemplateNode(1, parser.Subparse(null));
        }
        finally
        {
            if (tokens.Capacity <= MaxPooledTokens)
            {
                tokens.Clear();
                _pooledTokens = tokens;
            }
            if (parser is not null)
            {
                parser.Reset();
                _pooledParser = parser;
            }
        }
    }

    /// <summary>Empties the scratch state after a parse (a failed one may leave entries) so the parser can be reused.</summary>
    private void Reset()
    {
        _tokens = EmptyTokens;
        _name = null;
        _pos = 0;
        _depth = 0;
        _endTokenStack.Clear();
        _tagStack.Clear();
        _parts.Clear();
        _statements.Clear();
    }

    private static readonly List<Token> EmptyTokens = new();

    private const int MaxPooledTokens = 16 * 1024;

    [ThreadStatic]
    private static List<Token>? _pooledTokens;

    [ThreadStatic]
    private static Parser? _pooledParser;

    private Token Current => _tokens[_pos];

    private Token Look => _pos + 1 < _tokens.Count ? _tokens[_pos + 1] : _tokens[^1];

    private Token Next()
    {
        var t = _tokens[_pos];
        if (_pos < _tokens.Count - 1)
        {
            _pos++;
        }
        return t;
    }

    private TemplateSyntaxError Fail(string message, int? line = null) => new(message, line ?? Current.Line, _name);

    private void Enter()
    {
        // The stack check costs a few nanoseconds, so it runs on the first level and every eighth one
        // after it (eight levels of these frames are far below the margin it guarantees).
        if (++_depth > MaxDepth || ((_depth & 7) == 1 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            throw Fail($"the template is nested too deeply (more than {MaxDepth} levels)");
        }
    }

    private void Leave() => _depth--;

    private static bool Test(Token t, string expr)
    {
        // "name:for", an operator, or a token type name; decided by the token's type first (no
        // operator is spelled like a type name, so an operator token only compares its text).
        switch (t.Type)
        {
            case TokenType.Operator:
                return Token.SameText(t.Value, expr);
            case TokenType.Name:
                {
                    string value = t.Value;
                    return expr.Length == value.Length + 5
                        ? expr[5] == value[0] && expr.StartsWith("name:", StringComparison.Ordinal) && expr.AsSpan(5).SequenceEqual(value)
                        : expr.Length == 4 && expr == "name";
                }
            case TokenType.BlockEnd:
                return expr == "block_end";
            case TokenType.VariableEnd:
                return expr == "variable_end";
            case TokenType.Eof:
                return expr == "eof";
            case TokenType.String:
                return expr == "string";
            default:
                return false;
        }
    }

    private static bool TestAny(Token t, string[] exprs)
    {
        foreach (var e in exprs)
        {
            if (Test(t, e))
            {
                return true;
            }
        }
        return false;
    }

    private static string DescribeExpr(string expr) => expr.StartsWith("name:", StringComparison.Ordinal) ? expr[5..] : expr switch
    {
        "block_end" => "end of statement block",
        "variable_end" => "end of print statement",
        "name" => "name",
        _ => expr,
    };

    private bool SkipIf(string expr)
    {
        if (Test(Current, expr))
        {
            Next();
            return true;
        }
        return false;
    }

    private Token Expect(string expr)
    {
        if (!Test(Current, expr))
        {
            if (Current.Type == TokenType.Eof)
            {
                throw Fail($"unexpected end of template, expected '{DescribeExpr(expr)}'.");
            }
            throw Fail($"expected token '{DescribeExpr(expr)}', got '{Current.Describe()}'");
        }
        return Next();
    }

    // ---------------------------------------------------------------- statements

    private List<Stmt> Subparse(string[]? endTokens)
    {
        // The body's statements collect on a scratch stack (nested bodies push and pop theirs above
        // them) and are copied out at their exact size.
        var body = _statements;
        int bodyFrom = body.Count;
        // Output parts collect in one scratch list (a statement flushes them first, so nested bodies
        // find it empty) and are copied out at their exact size.
        var data = _parts;
        int dataLine = 0;
        if (endTokens is not null)
        {
            _endTokenStack.Add(endTokens);
        }
        void Flush()
        {
            if (data.Count > 0)
            {
                body.Add(new OutputStmt(dataLine, data.ToArray()));
                data.Clear();
            }
        }
        List<Stmt> TakeBody()
        {
            int count = body.Count - bodyFrom;
            var result = new List<Stmt>(count);
            result.AddRange(CollectionsMarshal.AsSpan(body).Slice(bodyFrom, count));
            body.RemoveRange(bodyFrom, count);
            return result;
        }
        try
        {
            while (Current.Type != TokenType.Eof)
            {
                var token = Current;
                if (token.Type == TokenType.Data)
                {
                    if (data.Count == 0) { dataLine = token.Line; }
                    data.Add(new DataExpr(token.Line, token.Value));
                    Next();
                }
                else if (token.Type == TokenType.VariableBegin)
                {
                    Next();
                    if (data.Count == 0) { dataLine = token.Line; }
                    data.Add(ParseTuple(withCondExpr: true));
                    Expect("variable_end");
                }
                else if (token.Type == TokenType.BlockBegin)
                {
                    Flush();
                    Next();
                    if (endTokens is not null && TestAny(Current, endTokens))
                    {
                        return TakeBody();
                    }
                    body.Add(ParseStatement());
                    Expect("block_end");
                }
                else
                {
                    throw Fail("internal parsing error");
                }
            }
            Flush();
        }
        finally
        {
            if (endTokens is not null)
            {
                _endTokenStack.RemoveAt(_endTokenStack.Count - 1);
            }
        }
        return TakeBody();
    }

    private static readonly HashSet<string> StatementKeywords =
        ["for", "if", "block", "extends", "print", "macro", "include", "from", "import", "set", "with", "autoescape"];

    private Stmt ParseStatement()
    {
        var token = Current;
        if (token.Type != TokenType.Name)
        {
            throw Fail("tag name expected", token.Line);
        }
        Enter();
        _tagStack.Add(token.Value);
        bool pop = true;
        try
        {
            switch (token.Value)
            {
                case "for": return ParseFor();
                case "if": return ParseIf();
                case "block": return ParseBlock();
                case "extends": Next(); return new ExtendsStmt(token.Line, ParseExpression());
                case "print": return ParsePrint();
                case "macro": return ParseMacro();
                case "include": return ParseInclude();
                case "from": return ParseFrom();
                case "import": return ParseImport();
                case "set": return ParseSet();
                case "with": return ParseWith();
                case "autoescape": return ParseAutoescape();
                case "call": return ParseCallBlock();
                case "filter": return ParseFilterBlock();
                case "do" when _extensions.HasFlag(JinjaExtensions.Do):
                    Next();
                    return new ExprStmt(token.Line, ParseTuple());
                case "break" or "continue" when _extensions.HasFlag(JinjaExtensions.LoopControls):
                    Next();
                    return new LoopControlStmt(token.Line, token.Value == "break");
                case "generation" when _extensions.HasFlag(JinjaExtensions.Generation):
                    return ParseGeneration();
            }
            _tagStack.RemoveAt(_tagStack.Count - 1);
            pop = false;
            throw FailUnknownTag(token.Value, token.Line);
        }
        finally
        {
            if (pop)
            {
                _tagStack.RemoveAt(_tagStack.Count - 1);
            }
            Leave();
        }
    }

    private TemplateSyntaxError FailUnknownTag(string? name, int line, string[]? extra = null)
    {
        var stack = new List<string[]>(_endTokenStack);
        if (extra is not null)
        {
            stack.Add(extra);
        }
        var expected = new HashSet<string>();
        foreach (var exprs in stack)
        {
            foreach (var e in exprs)
            {
                expected.Add(DescribeExpr(e));
            }
        }
        string? looking = stack.Count > 0
            ? string.Join(" or ", stack[^1].Select(e => "'" + DescribeExpr(e) + "'"))
            : null;
        var message = new List<string> { name is null ? "Unexpected end of template." : $"Encountered unknown tag '{name}'." };
        if (looking is not null)
        {
            if (name is not null && expected.Contains(name))
            {
                message.Add($"You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for {looking}.");
            }
            else
            {
                message.Add($"Jinja was looking for the following tags: {looking}.");
            }
        }
        if (_tagStack.Count > 0)
        {
            message.Add($"The innermost block that needs to be closed is '{_tagStack[^1]}'.");
        }
        return Fail(string.Join(" ", message), line);
    }

    private List<Stmt> ParseStatements(string[] endTokens, bool dropNeedle = false)
    {
        SkipIf(":");
        Expect("block_end");
        var result = Subparse(endTokens);
        if (Current.Type == TokenType.Eof)
        {
            throw FailUnknownTag(null, Current.Line, endTokens);
        }
        if (dropNeedle)
        {
            Next();
        }
        return result;
    }

    private ForStmt ParseFor()
    {
        int line = Expect("name:for").Line;
        var target = ParseAssignTarget(extraEndRules: UntilIn);
        Expect("name:in");
        var iter = ParseTuple(withCondExpr: false, extraEndRules: UntilRecursive);
        Expr? test = null;
        if (SkipIf("name:if"))
        {
            test = ParseExpression();
        }
        bool recursive = SkipIf("name:recursive");
        var body = ParseStatements(UntilEndforElse);
        List<Stmt> otherwise = Next().Value == "endfor" ? NoStatements : ParseStatements(UntilEndfor, true);
        return new ForStmt(line, target, iter, body, otherwise, test, recursive);
    }

    private IfStmt ParseIf()
    {
        int line = Expect("name:if").Line;
        var test = ParseTuple(withCondExpr: false);
        var body = ParseStatements(UntilElifElseEndif);
        List<IfStmt>? elifs = null;
        var otherwise = NoStatements;
        while (true)
        {
            var token = Next();
            if (token.IsName("elif"))
            {
                int l = Current.Line;
                var t = ParseTuple(withCondExpr: false);
                var b = ParseStatements(UntilElifElseEndif);
                (elifs ??= new()).Add(new IfStmt(l, t, b, NoElifs, NoStatements));
                continue;
            }
            if (token.IsName("else"))
            {
                otherwise = ParseStatements(UntilEndif, true);
            }
            break;
        }
        return new IfStmt(line, test, body, elifs ?? NoElifs, otherwise);
    }

    /// <summary>The shared empty body of an if or for without else (and elif list without elifs); never modified.</summary>
    private static readonly List<Stmt> NoStatements = new();

    private static readonly List<IfStmt> NoElifs = new();

    private BlockStmt ParseBlock()
    {
        int line = Next().Line;
        string name = Expect("name").Value;
        bool scoped = SkipIf("name:scoped");
        bool required = SkipIf("name:required");
        if (Current.IsOp("-"))
        {
            throw Fail("Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead.");
        }
        var body = ParseStatements(UntilEndblock, true);
        if (required && !body.All(s => s is OutputStmt o && o.Parts.All(p => p is DataExpr d && d.Text.Length > 0 && string.IsNullOrWhiteSpace(d.Text))))
        {
            throw Fail("Required blocks can only contain comments or whitespace");
        }
        SkipIf("name:" + name);
        return new BlockStmt(line, name, scoped, required, body);
    }

    private OutputStmt ParsePrint()
    {
        int line = Next().Line;
        var parts = new List<Expr>();
        while (Current.Type != TokenType.BlockEnd)
        {
            if (parts.Count > 0)
            {
                Expect(",");
            }
            parts.Add(ParseExpression());
        }
        return new OutputStmt(line, parts.ToArray());
    }

    private bool ParseImportContext(bool @default, out bool withContext)
    {
        if ((Current.IsName("with") || Current.IsName("without")) && Look.IsName("context"))
        {
            withContext = Next().Value == "with";
            Next();
            return true;
        }
        withContext = @default;
        return false;
    }

    private IncludeStmt ParseInclude()
    {
        int line = Next().Line;
        var template = ParseExpression();
        bool ignoreMissing = false;
        if (Current.IsName("ignore") && Look.IsName("missing"))
        {
            Next();
            Next();
            ignoreMissing = true;
        }
        ParseImportContext(true, out bool withContext);
        return new IncludeStmt(line, template, ignoreMissing, withContext);
    }

    private ImportStmt ParseImport()
    {
        int line = Next().Line;
        var template = ParseExpression();
        Expect("name:as");
        string target = ParseNameTarget();
        ParseImportContext(false, out bool withContext);
        return new ImportStmt(line, template, target, withContext);
    }

    private string ParseNameTarget()
    {
        var token = Expect("name");
        if (token.Value is "true" or "false" or "none" or "True" or "False" or "None")
        {
            throw Fail("can't assign to 'name'", token.Line);
        }
        return token.Value;
    }

    private FromImportStmt ParseFrom()
    {
        int line = Next().Line;
        var template = ParseExpression();
        Expect("name:import");
        var names = new List<KeyValuePair<string, string>>();
        bool withContext = false;
        while (true)
        {
            if (names.Count > 0)
            {
                Expect(",");
            }
            if (Current.Type == TokenType.Name)
            {
                if (ParseImportContext(false, out bool wc))
                {
                    withContext = wc;
                    break;
                }
                int nameLine = Current.Line;
                string name = ParseNameTarget();
                if (name.StartsWith('_'))
                {
                    throw new TemplateAssertionError("names starting with an underline can not be imported", nameLine, _name);
                }
                names.Add(new(name, SkipIf("name:as") ? ParseNameTarget() : name));
                if (ParseImportContext(false, out wc))
                {
                    withContext = wc;
                    break;
                }
                if (!Current.IsOp(","))
                {
                    break;
                }
            }
            else
            {
                Expect("name");
            }
        }
        return new FromImportStmt(line, template, names, withContext);
    }

    private (List<string> Args, List<Expr> Defaults) ParseSignature()
    {
        var args = new List<string>();
        var defaults = new List<Expr>();
        Expect("(");
        while (!Current.IsOp(")"))
        {
            if (args.Count > 0)
            {
                Expect(",");
            }
            string arg = ParseNameTarget();
            if (SkipIf("="))
            {
                defaults.Add(ParseExpression());
            }
            else if (defaults.Count > 0)
            {
                throw Fail("non-default argument follows default argument");
            }
            args.Add(arg);
        }
        Expect(")");
        return (args, defaults);
    }

    private MacroStmt ParseMacro()
    {
        int line = Next().Line;
        string name = ParseNameTarget();
        var (args, defaults) = ParseSignature();
        var body = ParseStatements(UntilEndmacro, true);
        return new MacroStmt(line, name, args, defaults, body);
    }

    private CallBlockStmt ParseCallBlock()
    {
        int line = Next().Line;
        var (args, defaults) = Current.IsOp("(") ? ParseSignature() : (new List<string>(), new List<Expr>());
        var call = ParseExpression();
        if (call is not CallExpr callExpr)
        {
            throw Fail("expected call", line);
        }
        var body = ParseStatements(UntilEndcall, true);
        return new CallBlockStmt(line, callExpr, args, defaults, body);
    }

    /// <summary>transformers' <c>_generation_support(caller)</c>: returns <c>caller()</c>.</summary>
    private static readonly JinjaFunction GenerationSupport = JinjaFunction.Raw("_generation_support", (ctx, a, k) =>
        Ops.Call(ctx, k!.First(p => p.Key == "caller").Value, [], null));

    /// <summary>
    /// <c>{% generation %}…{% endgeneration %}</c> as transformers' extension parses it: a call block
    /// whose callee returns <c>caller()</c>, so the body renders unchanged in a macro's scope.
    /// </summary>
    private CallBlockStmt ParseGeneration()
    {
        int line = Next().Line;
        var body = ParseStatements(UntilEndgeneration, true);
        var call = new CallExpr(line, new ConstExpr(line, GenerationSupport), CallArgs.None);
        return new CallBlockStmt(line, call, [], [], body);
    }

    private FilterBlockStmt ParseFilterBlock()
    {
        int line = Next().Line;
        var filter = (FilterExpr)ParseFilter(null, startInline: true)!;
        var body = ParseStatements(UntilEndfilter, true);
        return new FilterBlockStmt(line, filter, body);
    }

    private Stmt ParseSet()
    {
        int line = Next().Line;
        var target = ParseAssignTarget(withNamespace: true);
        if (SkipIf("="))
        {
            return new AssignStmt(line, target, ParseTuple());
        }
        var filter = ParseFilter(null) as FilterExpr;
        var body = ParseStatements(UntilEndset, true);
        return new AssignBlockStmt(line, target, filter, body);
    }

    private WithStmt ParseWith()
    {
        int line = Next().Line;
        var targets = new List<Expr>();
        var values = new List<Expr>();
        while (Current.Type != TokenType.BlockEnd)
        {
            if (targets.Count > 0)
            {
                Expect(",");
            }
            targets.Add(ParseAssignTarget());
            Expect("=");
            values.Add(ParseExpression());
        }
        var body = ParseStatements(UntilEndwith, true);
        return new WithStmt(line, targets, values, body);
    }

    private AutoescapeStmt ParseAutoescape()
    {
        int line = Next().Line;
        var value = ParseExpression();
        var body = ParseStatements(UntilEndautoescape, true);
        return new AutoescapeStmt(line, value, body);
    }

    private Expr ParseAssignTarget(bool withTuple = true, string[]? extraEndRules = null, bool withNamespace = false)
    {
        Expr target;
        if (withNamespace && Look.IsOp("."))
        {
            var token = Expect("name");
            Next();
            var attr = Expect("name");
            target = new NsRefExpr(token.Line, token.Value, attr.Value);
        }
        else
        {
            target = withTuple ? ParseTuple(simplified: true, extraEndRules: extraEndRules) : ParsePrimary();
        }
        if (!CanAssign(target))
        {
            string kind = target switch
            {
                ConstExpr => "const",
                NameExpr => "name",
                TupleExpr => "tuple",
                ListExpr => "list",
                DictExpr => "dict",
                _ => target.GetType().Name.Replace("Expr", "").ToLowerInvariant(),
            };
            throw Fail($"can't assign to '{kind}'", target.Line);
        }
        return target;
    }

    private static bool CanAssign(Expr e) => e switch
    {
        NameExpr n => n.Name is not ("true" or "false" or "none" or "True" or "False" or "None"),
        TupleExpr t => t.Items.All(CanAssign),
        NsRefExpr => true,
        _ => false,
    };

    // ---------------------------------------------------------------- expressions

    private Expr ParseExpression(bool withCondExpr = true)
    {
        Enter();
        try
        {
            return withCondExpr ? ParseCondExpr() : ParseOr();
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseCondExpr()
    {
        int line = Current.Line;
        var expr1 = ParseOr();
        while (SkipIf("name:if"))
        {
            var expr2 = ParseOr();
            Expr? expr3 = SkipIf("name:else") ? ParseCondExpr() : null;
            expr1 = new CondExpr(line, expr2, expr1, expr3);
            line = Current.Line;
        }
        return expr1;
    }

    private Expr ParseOr()
    {
        int line = Current.Line;
        var left = ParseAnd();
        while (SkipIf("name:or"))
        {
            left = new LogicalExpr(line, false, left, ParseAnd());
            line = Current.Line;
        }
        return left;
    }

    private Expr ParseAnd()
    {
        int line = Current.Line;
        var left = ParseNot();
        while (SkipIf("name:and"))
        {
            left = new LogicalExpr(line, true, left, ParseNot());
            line = Current.Line;
        }
        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsName("not"))
        {
            int line = Next().Line;
            Enter();
            try
            {
                return new NotExpr(line, ParseNot());
            }
            finally
            {
                Leave();
            }
        }
        return ParseCompare();
    }

    private Expr ParseCompare()
    {
        int line = Current.Line;
        var expr = ParseMath1();
        List<KeyValuePair<string, Expr>>? ops = null;
        while (true)
        {
            if (Current is { Type: TokenType.Operator } compareOp && IsCompareOperator(compareOp.Value))
            {
                string op = Next().Value;
                (ops ??= new()).Add(new(op, ParseMath1()));
            }
            else if (SkipIf("name:in"))
            {
                (ops ??= new()).Add(new("in", ParseMath1()));
            }
            else if (Current.IsName("not") && Look.IsName("in"))
            {
                Next();
                Next();
                (ops ??= new()).Add(new("notin", ParseMath1()));
            }
            else
            {
                break;
            }
            line = Current.Line;
        }
        return ops is null ? expr : new CompareExpr(line, expr, ops);
    }

    // Decided on the first character: the lexer's operators starting with '<', '>' or '!' are exactly
    // <, <=, >, >= and !=; of '=' and '==' only the second compares.
    private static bool IsCompareOperator(string op) => op[0] is '<' or '>' or '!' || (op[0] == '=' && op.Length == 2);

    // *, /, // and % (not **).
    private static bool IsMultiplyOperator(string op) => op[0] is '/' or '%' || (op[0] == '*' && op.Length == 1);

    private Expr ParseMath1()
    {
        int line = Current.Line;
        var left = ParseConcat();
        while (Current.IsOp("+") || Current.IsOp("-"))
        {
            string op = Next().Value;
            left = new BinaryExpr(line, op, left, ParseConcat());
            line = Current.Line;
        }
        return left;
    }

    private Expr ParseConcat()
    {
        int line = Current.Line;
        var first = ParseMath2();
        if (!Current.IsOp("~"))
        {
            return first;
        }
        var args = new List<Expr> { first };
        while (SkipIf("~"))
        {
            args.Add(ParseMath2());
        }
        return new ConcatExpr(line, args);
    }

    private Expr ParseMath2()
    {
        int line = Current.Line;
        var left = ParsePow();
        while (Current is { Type: TokenType.Operator } mulOp && IsMultiplyOperator(mulOp.Value))
        {
            string op = Next().Value;
            left = new BinaryExpr(line, op, left, ParsePow());
            line = Current.Line;
        }
        return left;
    }

    private Expr ParsePow()
    {
        int line = Current.Line;
        var left = ParseUnary();
        while (SkipIf("**"))
        {
            left = new BinaryExpr(line, "**", left, ParseUnary());
            line = Current.Line;
        }
        return left;
    }

    private Expr ParseUnary(bool withFilter = true)
    {
        Enter();
        try
        {
            int line = Current.Line;
            Expr node;
            if (Current.IsOp("-"))
            {
                Next();
                node = new UnaryExpr(line, "-", ParseUnary(false));
            }
            else if (Current.IsOp("+"))
            {
                Next();
                node = new UnaryExpr(line, "+", ParseUnary(false));
            }
            else
            {
                node = ParsePrimary();
            }
            node = ParsePostfix(node);
            if (withFilter)
            {
                node = ParseFilterExpr(node);
            }
            return node;
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Type)
        {
            case TokenType.Name:
                Next();
                return token.Value switch
                {
                    "true" or "True" => new ConstExpr(token.Line, true),
                    "false" or "False" => new ConstExpr(token.Line, false),
                    "none" or "None" => new ConstExpr(token.Line, null),
                    _ => new NameExpr(token.Line, token.Value),
                };
            case TokenType.String:
                {
                    Next();
                    if (Current.Type != TokenType.String)
                    {
                        return new ConstExpr(token.Line, token.Value);
                    }
                    // Adjacent string literals concatenate.
                    var buf = new System.Text.StringBuilder(token.Value);
                    while (Current.Type == TokenType.String)
                    {
                        buf.Append(Next().Value);
                    }
                    return new ConstExpr(token.Line, buf.ToString());
                }
            case TokenType.Integer:
            case TokenType.Float:
                Next();
                return new ConstExpr(token.Line, token.Literal);
            case TokenType.Operator when token.Value == "(":
                {
                    Next();
                    Enter();
                    try
                    {
                        var node = ParseTuple(explicitParentheses: true);
                        Expect(")");
                        return node;
                    }
                    finally
                    {
                        Leave();
                    }
                }
            case TokenType.Operator when token.Value == "[":
                return ParseList();
            case TokenType.Operator when token.Value == "{":
                return ParseDict();
        }
        if (token.Type == TokenType.Eof)
        {
            throw Fail("unexpected end of template, expected 'end of print statement'.", token.Line);
        }
        throw Fail($"unexpected '{token.Describe()}'", token.Line);
    }

    // Jinja2 3.1 hands its extra end rules to Token.test_any as one tuple argument, so they never
    // match here: after a trailing comma `{% for a, in x %}` parses `in` as a target name and fails
    // with "expected token 'in'". The rules are kept in the signature to mirror the grammar.
    private bool IsTupleEnd(string[]? extraEndRules) =>
        Current.Type is TokenType.VariableEnd or TokenType.BlockEnd || Current.IsOp(")");

    private Expr ParseTuple(bool simplified = false, bool withCondExpr = true, string[]? extraEndRules = null, bool explicitParentheses = false)
    {
        int line = Current.Line;
        if (IsTupleEnd(extraEndRules))
        {
            if (!explicitParentheses)
            {
                throw Fail($"Expected an expression, got '{Current.Describe()}'");
            }
            return new TupleExpr(line, new List<Expr>());
        }
        var first = simplified ? ParsePrimary() : ParseExpression(withCondExpr);
        if (!Current.IsOp(","))
        {
            return first;
        }
        var args = new List<Expr> { first };
        line = Current.Line;
        while (true)
        {
            Expect(",");
            if (IsTupleEnd(extraEndRules))
            {
                break;
            }
            args.Add(simplified ? ParsePrimary() : ParseExpression(withCondExpr));
            if (!Current.IsOp(","))
            {
                break;
            }
            line = Current.Line;
        }
        return new TupleExpr(line, args);
    }

    private Expr ParseList()
    {
        int line = Expect("[").Line;
        var items = new List<Expr>();
        while (!Current.IsOp("]"))
        {
            if (items.Count > 0)
            {
                Expect(",");
            }
            if (Current.IsOp("]"))
            {
                break;
            }
            items.Add(ParseExpression());
        }
        Expect("]");
        return new ListExpr(line, items);
    }

    private Expr ParseDict()
    {
        int line = Expect("{").Line;
        var items = new List<KeyValuePair<Expr, Expr>>();
        while (!Current.IsOp("}"))
        {
            if (items.Count > 0)
            {
                Expect(",");
            }
            if (Current.IsOp("}"))
            {
                break;
            }
            var key = ParseExpression();
            Expect(":");
            items.Add(new(key, ParseExpression()));
        }
        Expect("}");
        return new DictExpr(line, items);
    }

    private Expr ParsePostfix(Expr node)
    {
        while (true)
        {
            if (Current.IsOp(".") || Current.IsOp("["))
            {
                node = ParseSubscript(node);
            }
            else if (Current.IsOp("("))
            {
                node = new CallExpr(Current.Line, node, ParseCallArgs());
            }
            else
            {
                return node;
            }
        }
    }

    private Expr ParseFilterExpr(Expr node)
    {
        while (true)
        {
            if (Current.IsOp("|"))
            {
                node = ParseFilter(node)!;
            }
            else if (Current.IsName("is"))
            {
                node = ParseTest(node);
            }
            else if (Current.IsOp("("))
            {
                node = new CallExpr(Current.Line, node, ParseCallArgs());
            }
            else
            {
                return node;
            }
        }
    }

    private Expr ParseSubscript(Expr node)
    {
        var token = Next();
        if (token.IsOp("."))
        {
            var attr = Current;
            Next();
            if (attr.Type == TokenType.Name)
            {
                return new GetAttrExpr(token.Line, node, attr.Value);
            }
            if (attr.Type == TokenType.Integer)
            {
                return new GetItemExpr(token.Line, node, new ConstExpr(attr.Line, attr.Literal));
            }
            throw Fail("expected name or number", attr.Line);
        }
        var args = new List<Expr>();
        while (!Current.IsOp("]"))
        {
            if (args.Count > 0)
            {
                Expect(",");
            }
            args.Add(ParseSubscribed());
        }
        Expect("]");
        var arg = args.Count == 1 ? args[0] : new TupleExpr(token.Line, args);
        return new GetItemExpr(token.Line, node, arg);
    }

    private Expr ParseSubscribed()
    {
        int line = Current.Line;
        var args = new List<Expr?>();
        if (Current.IsOp(":"))
        {
            Next();
            args.Add(null);
        }
        else
        {
            var node = ParseExpression();
            if (!Current.IsOp(":"))
            {
                return node;
            }
            Next();
            args.Add(node);
        }
        if (Current.IsOp(":"))
        {
            args.Add(null);
        }
        else if (!Current.IsOp("]") && !Current.IsOp(","))
        {
            args.Add(ParseExpression());
        }
        else
        {
            args.Add(null);
        }
        if (Current.IsOp(":"))
        {
            Next();
            args.Add(!Current.IsOp("]") && !Current.IsOp(",") ? ParseExpression() : null);
        }
        else
        {
            args.Add(null);
        }
        return new SliceExpr(line, args[0], args[1], args[2]);
    }

    private CallArgs ParseCallArgs()
    {
        var token = Expect("(");
        var result = new CallArgs();
        bool requireComma = false;
        void Ensure(bool ok)
        {
            if (!ok)
            {
                throw Fail("invalid syntax for function call expression", token.Line);
            }
        }
        while (!Current.IsOp(")"))
        {
            if (requireComma)
            {
                Expect(",");
                if (Current.IsOp(")"))
                {
                    break;
                }
            }
            if (Current.IsOp("*"))
            {
                Ensure(result.DynArgs is null && result.DynKwargs is null);
                Next();
                result.DynArgs = ParseExpression();
            }
            else if (Current.IsOp("**"))
            {
                Ensure(result.DynKwargs is null);
                Next();
                result.DynKwargs = ParseExpression();
            }
            else if (Current.Type == TokenType.Name && Look.IsOp("="))
            {
                Ensure(result.DynKwargs is null);
                string key = Current.Value;
                Next();
                Next();
                result.AddKwarg(key, ParseExpression());
            }
            else
            {
                Ensure(result.DynArgs is null && result.DynKwargs is null && result.Kwargs.Count == 0);
                result.Args.Add(ParseExpression());
            }
            requireComma = true;
        }
        Expect(")");
        return result;
    }

    private Expr? ParseFilter(Expr? node, bool startInline = false)
    {
        while (Current.IsOp("|") || startInline)
        {
            if (!startInline)
            {
                Next();
            }
            var token = Expect("name");
            string name = token.Value;
            while (Current.IsOp("."))
            {
                Next();
                name += "." + Expect("name").Value;
            }
            var args = Current.IsOp("(") ? ParseCallArgs() : CallArgs.Empty;
            node = new FilterExpr(token.Line, node, name, args);
            startInline = false;
        }
        return node;
    }

    private Expr ParseTest(Expr node)
    {
        var token = Next();
        bool negated = false;
        if (Current.IsName("not"))
        {
            Next();
            negated = true;
        }
        string name = Expect("name").Value;
        while (Current.IsOp("."))
        {
            Next();
            name += "." + Expect("name").Value;
        }
        CallArgs args;
        if (Current.IsOp("("))
        {
            args = ParseCallArgs();
        }
        else if ((Current.Type is TokenType.Name or TokenType.String or TokenType.Integer or TokenType.Float
                  || Current.IsOp("(") || Current.IsOp("[") || Current.IsOp("{"))
                 && !(Current.IsName("else") || Current.IsName("or") || Current.IsName("and")))
        {
            if (Current.IsName("is"))
            {
                throw Fail("You cannot chain multiple tests with is");
            }
            var arg = ParsePostfix(ParsePrimary());
            args = new CallArgs();
            args.Args.Add(arg);
        }
        else
        {
            args = CallArgs.Empty;
        }
        Expr result = new TestExpr(token.Line, node, name, args);
        return negated ? new NotExpr(token.Line, result) : result;
    }
}
