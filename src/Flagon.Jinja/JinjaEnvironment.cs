using System.Collections.Concurrent;
using Flagon.Jinja.Compiling;
using Flagon.Jinja.Lexing;
using Flagon.Jinja.Library;
using Flagon.Jinja.Loaders;
using Flagon.Jinja.Parsing;
using Flagon.Jinja.Runtime;
using Flagon.Jinja.Sandbox;

namespace Flagon.Jinja;

/// <summary>
/// Jinja2's <c>Environment</c>: options, the loader, filters, tests and globals, and the cache of
/// compiled templates. Configure it before the first template is loaded: from then on it is frozen
/// (changing an option throws <see cref="InvalidOperationException"/>) and thread-safe for rendering.
/// </summary>
public class JinjaEnvironment
{
    private readonly ConcurrentDictionary<string, Template> _cache = new(StringComparer.Ordinal);
    private LexerSettings? _lexerSettings;
    private volatile bool _frozen;
    private bool _autoescape;
    private Func<string?, bool>? _autoescapeSelector;
    private bool _trimBlocks;
    private bool _lstripBlocks;
    private bool _keepTrailingNewline;
    private string _newlineSequence = "\n";
    private string _blockStartString = "{%";
    private string _blockEndString = "%}";
    private string _variableStartString = "{{";
    private string _variableEndString = "}}";
    private string _commentStartString = "{#";
    private string _commentEndString = "#}";
    private string? _lineStatementPrefix;
    private string? _lineCommentPrefix;
    private UndefinedKind _undefined = UndefinedKind.Default;
    private JinjaExtensions _extensions = JinjaExtensions.None;
    private Random _random = Random.Shared;

    /// <summary>Creates an environment with Jinja2's defaults and the built-in filters, tests and globals.</summary>
    public JinjaEnvironment()
    {
        Ops.EnsureInitialized();
        SandboxPolicy = this as SandboxedEnvironment;
        Filters = new FunctionRegistry(() => CheckMutable("Filters"));
        Tests = new FunctionRegistry(() => CheckMutable("Tests"));
        Globals = new FreezableDictionary(GlobalsInternal, () => CheckMutable("Globals"));
        Policies = new FreezableDictionary(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["urlize.rel"] = "noopener",
            ["urlize.target"] = null,
            ["urlize.extra_schemes"] = null,
            ["truncate.leeway"] = 5L,
        }, () => CheckMutable("Policies"));
        Builtins.Register(this);
    }

    /// <summary>This environment when it is sandboxed, else null: the one check the render path makes.</summary>
    internal SandboxedEnvironment? SandboxPolicy { get; }

    /// <summary>
    /// True once the environment has loaded or compiled a template; from then on its options, filters,
    /// tests, globals and policies are read-only (only <see cref="Loader"/> and <see cref="AutoReload"/> may change).
    /// </summary>
    public bool IsFrozen => _frozen;

    private T Mutable<T>(T value, [System.Runtime.CompilerServices.CallerMemberName] string option = "")
    {
        CheckMutable(option);
        return value;
    }

    private void CheckMutable(string option)
    {
        if (_frozen)
        {
            throw new InvalidOperationException(
                $"JinjaEnvironment.{option} cannot be changed after the environment has loaded or compiled a template; configure the environment before its first GetTemplate/FromString (templates compiled earlier would not see the change, and renders on other threads may be reading it).");
        }
    }

    /// <summary>Where <see cref="GetTemplate"/> finds templates.</summary>
    public ITemplateLoader? Loader { get; set; }

    /// <summary>Escape every <c>{{ }}</c> result for HTML (unless it is <see cref="Markup"/>).</summary>
    public bool Autoescape
    {
        get => _autoescape;
        set => _autoescape = Mutable(value);
    }

    /// <summary>Decides autoescaping per template name (null for <see cref="FromString"/>); overrides <see cref="Autoescape"/> when set.</summary>
    public Func<string?, bool>? AutoescapeSelector
    {
        get => _autoescapeSelector;
        set => _autoescapeSelector = Mutable(value);
    }

    /// <summary>Remove the first newline after a block or comment tag.</summary>
    public bool TrimBlocks
    {
        get => _trimBlocks;
        set => _trimBlocks = Mutable(value);
    }

    /// <summary>Strip spaces and tabs from the start of a line up to a block or comment tag.</summary>
    public bool LstripBlocks
    {
        get => _lstripBlocks;
        set => _lstripBlocks = Mutable(value);
    }

    /// <summary>Keep the final newline of a template (Jinja2 drops one by default).</summary>
    public bool KeepTrailingNewline
    {
        get => _keepTrailingNewline;
        set => _keepTrailingNewline = Mutable(value);
    }

    /// <summary>The newline written for every newline of template data.</summary>
    public string NewlineSequence
    {
        get => _newlineSequence;
        set => _newlineSequence = Mutable(value);
    }

    /// <summary>Opens a statement block.</summary>
    public string BlockStartString
    {
        get => _blockStartString;
        set => _blockStartString = Mutable(value);
    }

    /// <summary>Closes a statement block.</summary>
    public string BlockEndString
    {
        get => _blockEndString;
        set => _blockEndString = Mutable(value);
    }

    /// <summary>Opens a print statement.</summary>
    public string VariableStartString
    {
        get => _variableStartString;
        set => _variableStartString = Mutable(value);
    }

    /// <summary>Closes a print statement.</summary>
    public string VariableEndString
    {
        get => _variableEndString;
        set => _variableEndString = Mutable(value);
    }

    /// <summary>Opens a comment.</summary>
    public string CommentStartString
    {
        get => _commentStartString;
        set => _commentStartString = Mutable(value);
    }

    /// <summary>Closes a comment.</summary>
    public string CommentEndString
    {
        get => _commentEndString;
        set => _commentEndString = Mutable(value);
    }

    /// <summary>A prefix that makes a whole line a statement (off when null).</summary>
    public string? LineStatementPrefix
    {
        get => _lineStatementPrefix;
        set => _lineStatementPrefix = Mutable(value);
    }

    /// <summary>A prefix that starts a comment running to the end of the line (off when null).</summary>
    public string? LineCommentPrefix
    {
        get => _lineCommentPrefix;
        set => _lineCommentPrefix = Mutable(value);
    }

    /// <summary>Which undefined type missing values become.</summary>
    public UndefinedKind Undefined
    {
        get => _undefined;
        set => _undefined = Mutable(value);
    }

    /// <summary>Language extensions to enable (<c>do</c>, loop controls).</summary>
    public JinjaExtensions Extensions
    {
        get => _extensions;
        set => _extensions = Mutable(value);
    }

    /// <summary>Re-check the loader on every <see cref="GetTemplate"/> and recompile changed templates.</summary>
    public bool AutoReload { get; set; } = true;

    /// <summary>
    /// Jinja2's <c>policies</c>: settings of built-in filters, with Jinja2's defaults
    /// (<c>urlize.rel</c> = "noopener", <c>urlize.target</c>, <c>urlize.extra_schemes</c>, <c>truncate.leeway</c> = 5).
    /// </summary>
    public IDictionary<string, object?> Policies { get; }

    /// <summary>
    /// The source of the <c>random</c> filter's choices (shared and thread-safe by default). Set a
    /// seeded <see cref="System.Random"/> for reproducible output, e.g. in tests; calls to it are serialised.
    /// </summary>
    public Random Random
    {
        get => _random;
        set => _random = Mutable(value);
    }

    /// <summary>The filters (<c>{{ x|name }}</c>); see <see cref="FunctionRegistry"/>.</summary>
    public FunctionRegistry Filters { get; }

    /// <summary>The tests (<c>{% if x is name %}</c>); see <see cref="FunctionRegistry"/>.</summary>
    public FunctionRegistry Tests { get; }

    /// <summary>Values visible in every template (also in imports without context). Delegates are callable.</summary>
    public IDictionary<string, object?> Globals { get; }

    internal Dictionary<string, object?> GlobalsInternal { get; } = new(StringComparer.Ordinal);

    internal LexerSettings LexerSettings => _lexerSettings ??= new LexerSettings(
        BlockStartString, BlockEndString, VariableStartString, VariableEndString, CommentStartString, CommentEndString,
        LineStatementPrefix, LineCommentPrefix, TrimBlocks, LstripBlocks, KeepTrailingNewline, NewlineSequence);

    /// <summary>Loads (or takes from the cache) a template by name.</summary>
    public Template GetTemplate(string name)
    {
        _frozen = true;
        if (_cache.TryGetValue(name, out var cached) && (!AutoReload || cached.IsUpToDate()))
        {
            return cached;
        }
        if (Loader is null)
        {
            throw new TemplateNotFound(name, "no loader for this environment specified");
        }
        var source = Loader.GetSource(name) ?? throw new TemplateNotFound(name);
        var template = Compile(source.Source, name, source.FileName, source.IsUpToDate);
        _cache[name] = template;
        return template;
    }

    /// <summary>Loads the first template of <paramref name="names"/> that exists.</summary>
    public Template SelectTemplate(IEnumerable<string> names)
    {
        var tried = new List<string>();
        foreach (var name in names)
        {
            tried.Add(name);
            try
            {
                return GetTemplate(name);
            }
            catch (TemplateNotFound e) when (e is not TemplatesNotFound && e.Name == name)
            {
            }
        }
        throw new TemplatesNotFound(tried);
    }

    /// <summary>Compiles a template from source text (not cached).</summary>
    public Template FromString(string source) => Compile(source, null, null, null);

    internal Template Compile(string source, string? name, string? fileName, Func<bool>? upToDate)
    {
        _frozen = true;
        try
        {
            var tree = Parser.ParseSource(source, LexerSettings, name, Extensions);
            bool autoescape = AutoescapeSelector?.Invoke(name) ?? Autoescape;
            var compiled = Compiler.Compile(this, tree, name, autoescape);
            return new Template(this, compiled, name, fileName, upToDate);
        }
        catch (TemplateSyntaxError e)
        {
            e.TemplateName ??= name;
            e.FileName ??= fileName;
            throw;
        }
    }

    /// <summary>Turns the value of an <c>extends</c>, <c>include</c> or <c>import</c> expression into a template.</summary>
    internal Template ResolveTemplate(object? value, string? parentName, bool allowList)
    {
        switch (value)
        {
            case Template t:
                return t;
            case string s:
                return GetTemplate(s);
            case Markup m:
                return GetTemplate(m.Value);
            case Runtime.Undefined u:
                throw u.Fail();
            case null when allowList:
                throw new TemplatesNotFound([]);
            case List<object?> or PyTuple when allowList:
                return SelectTemplate(Ops.Iterate(value).Select(v => v is Template t2 ? t2.Name ?? "" : Ops.Str(v)).ToList());
            case List<object?> or PyTuple:
                throw PythonError.TypeError($"unhashable type: '{Ops.TypeName(value)}'");
            default:
                return GetTemplate(Ops.Str(value));
        }
    }
}
