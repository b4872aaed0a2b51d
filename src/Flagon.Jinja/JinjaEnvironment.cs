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
/// compiled templates. Configure it before the first template is loaded; after that it is
/// thread-safe for rendering.
/// </summary>
public class JinjaEnvironment
{
    private readonly ConcurrentDictionary<string, Template> _cache = new(StringComparer.Ordinal);
    private LexerSettings? _lexerSettings;

    /// <summary>Creates an environment with Jinja2's defaults and the built-in filters, tests and globals.</summary>
    public JinjaEnvironment()
    {
        Ops.EnsureInitialized();
        SandboxPolicy = this as SandboxedEnvironment;
        Filters = new FunctionRegistry(() => { });
        Tests = new FunctionRegistry(() => { });
        Builtins.Register(this);
    }

    /// <summary>This environment when it is sandboxed, else null: the one check the render path makes.</summary>
    internal SandboxedEnvironment? SandboxPolicy { get; }

    /// <summary>Where <see cref="GetTemplate"/> finds templates.</summary>
    public ITemplateLoader? Loader { get; set; }

    /// <summary>Escape every <c>{{ }}</c> result for HTML (unless it is <see cref="Markup"/>).</summary>
    public bool Autoescape { get; set; }

    /// <summary>Decides autoescaping per template name (null for <see cref="FromString"/>); overrides <see cref="Autoescape"/> when set.</summary>
    public Func<string?, bool>? AutoescapeSelector { get; set; }

    /// <summary>Remove the first newline after a block or comment tag.</summary>
    public bool TrimBlocks { get; set; }

    /// <summary>Strip spaces and tabs from the start of a line up to a block or comment tag.</summary>
    public bool LstripBlocks { get; set; }

    /// <summary>Keep the final newline of a template (Jinja2 drops one by default).</summary>
    public bool KeepTrailingNewline { get; set; }

    /// <summary>The newline written for every newline of template data.</summary>
    public string NewlineSequence { get; set; } = "\n";

    /// <summary>Opens a statement block.</summary>
    public string BlockStartString { get; set; } = "{%";

    /// <summary>Closes a statement block.</summary>
    public string BlockEndString { get; set; } = "%}";

    /// <summary>Opens a print statement.</summary>
    public string VariableStartString { get; set; } = "{{";

    /// <summary>Closes a print statement.</summary>
    public string VariableEndString { get; set; } = "}}";

    /// <summary>Opens a comment.</summary>
    public string CommentStartString { get; set; } = "{#";

    /// <summary>Closes a comment.</summary>
    public string CommentEndString { get; set; } = "#}";

    /// <summary>A prefix that makes a whole line a statement (off when null).</summary>
    public string? LineStatementPrefix { get; set; }

    /// <summary>A prefix that starts a comment running to the end of the line (off when null).</summary>
    public string? LineCommentPrefix { get; set; }

    /// <summary>Which undefined type missing values become.</summary>
    public UndefinedKind Undefined { get; set; } = UndefinedKind.Default;

    /// <summary>Language extensions to enable (<c>do</c>, loop controls).</summary>
    public JinjaExtensions Extensions { get; set; } = JinjaExtensions.None;

    /// <summary>Re-check the loader on every <see cref="GetTemplate"/> and recompile changed templates.</summary>
    public bool AutoReload { get; set; } = true;

    /// <summary>The filters (<c>{{ x|name }}</c>); see <see cref="FunctionRegistry"/>.</summary>
    public FunctionRegistry Filters { get; }

    /// <summary>The tests (<c>{% if x is name %}</c>); see <see cref="FunctionRegistry"/>.</summary>
    public FunctionRegistry Tests { get; }

    /// <summary>Values visible in every template (also in imports without context). Delegates are callable.</summary>
    public IDictionary<string, object?> Globals => GlobalsInternal;

    internal Dictionary<string, object?> GlobalsInternal { get; } = new(StringComparer.Ordinal);

    internal LexerSettings LexerSettings => _lexerSettings ??= new LexerSettings(
        BlockStartString, BlockEndString, VariableStartString, VariableEndString, CommentStartString, CommentEndString,
        LineStatementPrefix, LineCommentPrefix, TrimBlocks, LstripBlocks, KeepTrailingNewline, NewlineSequence);

    /// <summary>Loads (or takes from the cache) a template by name.</summary>
    public Template GetTemplate(string name)
    {
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
        try
        {
            var tokens = Lexer.Tokenize(source, LexerSettings, name);
            var tree = Parser.Parse(tokens, name, Extensions);
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
