using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Flagon.Jinja.Lexing;

/// <summary>
/// Turns template source into tokens with Jinja2's rules: delimiters, <c>-</c>/<c>+</c> whitespace
/// control, trim/lstrip blocks, raw blocks, line statements and comments, newline normalisation.
/// </summary>
internal sealed class Lexer
{
    private enum Rule { Comment, Block, Variable, LineStatement, LineComment }

    private readonly LexerSettings _s;
    private readonly (Rule Kind, string Start)[] _rules;
    private readonly string _source;
    private readonly string? _name;
    private readonly List<Token> _tokens;
    private readonly SearchValues<char>? _tagFirstChars;
    private char[] _balance = new char[8];
    private int _pos;
    private int _line = 1;
    private bool _lineStarting = true;

    /// <summary>What the lexer derives from one <see cref="LexerSettings"/> (kept per settings instance,
    /// which the environment caches): the tag rules in match order and the delimiters' first characters.</summary>
    private sealed class Tables((Rule Kind, string Start)[] rules, SearchValues<char>? tagFirstChars)
    {
        public (Rule Kind, string Start)[] Rules { get; } = rules;

        public SearchValues<char>? TagFirstChars { get; } = tagFirstChars;
    }

    private static readonly ConditionalWeakTable<LexerSettings, Tables> TablesBySettings = new();

    private Lexer(LexerSettings settings, string source, string? name, List<Token>? into = null)
    {
        _s = settings;
        _name = name;
        var tables = TablesBySettings.GetValue(settings, BuildTables);
        _rules = tables.Rules;
        _tagFirstChars = tables.TagFirstChars;
        _source = Normalize(source, settings.KeepTrailingNewline);
        int estimate = Math.Min(_source.Length / 4 + 8, 1 << 16);
        if (into is null)
        {
            _tokens = new List<Token>(estimate);
        }
        else
        {
            _tokens = into;
            into.EnsureCapacity(estimate);
        }
    }

    private static Tables BuildTables(LexerSettings settings)
    {
        var rules = new List<(int Len, string TypeName, Rule Kind, string Start)>
        {
            (settings.CommentStart.Length, "comment_begin", Rule.Comment, settings.CommentStart),
            (settings.BlockStart.Length, "block_begin", Rule.Block, settings.BlockStart),
            (settings.VariableStart.Length, "variable_begin", Rule.Variable, settings.VariableStart),
        };
        if (settings.LineStatementPrefix is { } lsp)
        {
            rules.Add((lsp.Length, "linestatement_begin", Rule.LineStatement, lsp));
        }
        if (settings.LineCommentPrefix is { } lcp)
        {
            rules.Add((lcp.Length, "linecomment_begin", Rule.LineComment, lcp));
        }
        var ordered = rules.OrderByDescending(r => r.Len).ThenByDescending(r => r.TypeName, StringComparer.Ordinal)
            .Select(r => (r.Kind, r.Start)).ToArray();
        // Without line statements or comments every tag (and raw) begins with the first character of one
        // of the delimiters, so the scan for the next tag can jump between those characters.
        SearchValues<char>? first = null;
        if (settings.LineStatementPrefix is null && settings.LineCommentPrefix is null && ordered.All(r => r.Start.Length > 0))
        {
            first = SearchValues.Create(string.Concat(ordered.Select(r => r.Start[0]).Distinct()));
        }
        return new Tables(ordered, first);
    }

    /// <summary>Tokenizes <paramref name="source"/>; the list ends with an <see cref="TokenType.Eof"/> token.</summary>
    public static List<Token> Tokenize(string source, LexerSettings settings, string? name = null)
    {
        var lexer = new Lexer(settings, source, name);
        lexer.Run();
        return lexer._tokens;
    }

    /// <summary>Tokenizes <paramref name="source"/> into <paramref name="into"/> (appending; callers pass an
    /// empty list they reuse); the tokens end with an <see cref="TokenType.Eof"/> token.</summary>
    public static void Tokenize(string source, LexerSettings settings, string? name, List<Token> into)
    {
        var lexer = new Lexer(settings, source, name, into);
        lexer.Run();
    }

    private static string Normalize(string source, bool keepTrailingNewline)
    {
        if (source.Contains('\r'))
        {
            source = source.Replace("\r\n", "\n").Replace('\r', '\n');
        }
        if (!keepTrailingNewline && source.EndsWith('\n'))
        {
            source = source[..^1];
        }
        return source;
    }

    private TemplateSyntaxError Error(string message, int? line = null) => new(message, line ?? _line, _name);

    private void Run()
    {
        string src = _source;
        while (_pos < src.Length)
        {
            // Find the earliest tag start.
            int at = -1;
            Rule kind = Rule.Block;
            bool raw = false;
            int tagEnd = 0;
            char sign = '\0';
            for (int i = _pos; i < src.Length && at < 0; i++)
            {
                if (_tagFirstChars is not null)
                {
                    int skip = src.AsSpan(i).IndexOfAny(_tagFirstChars);
                    if (skip < 0)
                    {
                        break;
                    }
                    i += skip;
                }
                if (TryRawBegin(i, out int rawEnd, out char rawSign))
                {
                    at = i; raw = true; tagEnd = rawEnd; sign = rawSign;
                    break;
                }
                foreach (var (k, start) in _rules)
                {
                    if (TryTagStart(i, k, start, out int end, out char sg))
                    {
                        at = i; kind = k; tagEnd = end; sign = sg;
                        break;
                    }
                }
            }
            if (at < 0)
            {
                EmitData(src[_pos..]);
                _line += Count(src, _pos, src.Length);
                _pos = src.Length;
                break;
            }
            string text = src[_pos..at];
            int textLines = Count(src, _pos, at);
            text = ApplyStrip(text, sign, raw || kind != Rule.Variable);
            EmitData(text);
            _line += textLines;
            int tagLine = _line;
            _line += CountShort(src, at, tagEnd);
            _pos = tagEnd;
            _lineStarting = tagEnd > 0 && src[tagEnd - 1] == '\n';
            if (raw)
            {
                LexRaw(tagLine);
                continue;
            }
            switch (kind)
            {
                case Rule.Comment:
                    LexComment(tagLine);
                    break;
                case Rule.LineComment:
                    {
                        int nl = src.IndexOf('\n', _pos);
                        _pos = nl < 0 ? src.Length : nl;
                        _lineStarting = false;
                        break;
                    }
                case Rule.Block:
                    _tokens.Add(new Token(TokenType.BlockBegin, _s.BlockStart, tagLine));
                    LexTag(Rule.Block);
                    break;
                case Rule.Variable:
                    _tokens.Add(new Token(TokenType.VariableBegin, _s.VariableStart, tagLine));
                    LexTag(Rule.Variable);
                    break;
                case Rule.LineStatement:
                    _tokens.Add(new Token(TokenType.BlockBegin, _s.LineStatementPrefix!, tagLine));
                    LexTag(Rule.LineStatement);
                    break;
            }
        }
        _tokens.Add(new Token(TokenType.Eof, "", _tokens.Count > 0 ? _tokens[^1].Line : 1));
    }

    private static int Count(string s, int from, int to) => to > from ? s.AsSpan(from, to - from).Count('\n') : 0;

    /// <summary><see cref="Count"/> for the short spans of delimiters and spaces inside tags (a plain loop, no vector setup).</summary>
    private static int CountShort(string s, int from, int to)
    {
        if (to - from > 16)
        {
            return Count(s, from, to);
        }
        int n = 0;
        for (int i = from; i < to; i++)
        {
            if (s[i] == '\n')
            {
                n++;
            }
        }
        return n;
    }

    private void EmitData(string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (_s.NewlineSequence != "\n")
        {
            text = text.Replace("\n", _s.NewlineSequence);
        }
        _tokens.Add(new Token(TokenType.Data, text, _line));
    }

    private string ApplyStrip(string text, char sign, bool lstripApplies)
    {
        if (sign == '-')
        {
            return text.TrimEnd(PyWhitespace);
        }
        if (sign != '+' && _s.LstripBlocks && lstripApplies)
        {
            int lpos = text.LastIndexOf('\n') + 1;
            if (lpos > 0 || _lineStarting)
            {
                bool onlySpace = true;
                for (int i = lpos; i < text.Length; i++)
                {
                    if (!IsSpace(text[i]) || text[i] == '\n')
                    {
                        onlySpace = false;
                        break;
                    }
                }
                if (onlySpace)
                {
                    return text[..lpos];
                }
            }
        }
        return text;
    }

    internal static readonly char[] PyWhitespace = [' ', '\t', '\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];

    // Python's str.isspace: char.IsWhiteSpace plus the four separators \x1c-\x1f. ASCII is decided here
    // (tab to carriage return, the separators, space); only non-ASCII characters ask char.IsWhiteSpace.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c <= ' '
        ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || (uint)(c - '\x1c') <= 3
        : c >= '\x7f' && char.IsWhiteSpace(c);

    /// <summary>A character that may continue a name: a letter, a digit or an underscore (ASCII decided inline).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameChar(char c) => c < '\x80' ? char.IsAsciiLetterOrDigit(c) || c == '_' : char.IsLetterOrDigit(c);

    // Delimiters are a few characters and most probes fail on the first, so a plain loop beats a span compare.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool At(int i, string s)
    {
        string src = _source;
        if ((uint)i > (uint)src.Length || s.Length > src.Length - i)
        {
            return false;
        }
        for (int k = 0; k < s.Length; k++)
        {
            if (src[i + k] != s[k])
            {
                return false;
            }
        }
        return true;
    }

    private int SkipSpace(int i)
    {
        while (i < _source.Length && IsSpace(_source[i]))
        {
            i++;
        }
        return i;
    }

    private bool TryTagStart(int i, Rule kind, string start, out int end, out char sign)
    {
        end = 0;
        sign = '\0';
        string src = _source;
        switch (kind)
        {
            case Rule.LineStatement:
                {
                    if (i != 0 && src[i - 1] != '\n')
                    {
                        return false;
                    }
                    int j = i;
                    while (j < src.Length && src[j] is ' ' or '\t' or '\v')
                    {
                        j++;
                    }
                    if (!At(j, start))
                    {
                        return false;
                    }
                    end = j + start.Length;
                    return true;
                }
            case Rule.LineComment:
                {
                    if (!(i == 0 || src[i - 1] == '\n' || !IsSpace(src[i - 1])))
                    {
                        return false;
                    }
                    int j = i;
                    while (j < src.Length && IsSpace(src[j]) && src[j] is not ('\n' or '\r'))
                    {
                        j++;
                    }
                    if (!At(j, start))
                    {
                        return false;
                    }
                    end = j + start.Length;
                    return true;
                }
            default:
                if (!At(i, start))
                {
                    return false;
                }
                end = i + start.Length;
                if (end < src.Length && src[end] is '-' or '+')
                {
                    sign = src[end];
                    end++;
                }
                return true;
        }
    }

    private bool TryRawBegin(int i, out int end, out char sign)
    {
        end = 0;
        sign = '\0';
        if (!At(i, _s.BlockStart))
        {
            return false;
        }
        int j = i + _s.BlockStart.Length;
        if (j < _source.Length && _source[j] is '-' or '+')
        {
            sign = _source[j];
            j++;
        }
        j = SkipSpace(j);
        if (!At(j, "raw"))
        {
            return false;
        }
        j = SkipSpace(j + 3);
        if (j < _source.Length && _source[j] == '-' && At(j + 1, _s.BlockEnd))
        {
            end = SkipSpace(j + 1 + _s.BlockEnd.Length);
            return true;
        }
        if (At(j, _s.BlockEnd))
        {
            end = j + _s.BlockEnd.Length;
            return true;
        }
        return false;
    }

    /// <summary>Matches a block end (<c>+%}</c>, <c>-%}\s*</c>, <c>%}\n?</c>) at <paramref name="i"/>.</summary>
    private bool TryBlockEnd(int i, string endString, bool trim, out int end)
    {
        end = 0;
        if (i < _source.Length && _source[i] == '+' && At(i + 1, endString))
        {
            end = i + 1 + endString.Length;
            return true;
        }
        if (i < _source.Length && _source[i] == '-' && At(i + 1, endString))
        {
            end = SkipSpace(i + 1 + endString.Length);
            return true;
        }
        if (At(i, endString))
        {
            end = i + endString.Length;
            if (trim && _s.TrimBlocks && end < _source.Length && _source[end] == '\n')
            {
                end++;
            }
            return true;
        }
        return false;
    }

    private void LexComment(int startLine)
    {
        for (int i = _pos; i < _source.Length; i++)
        {
            if (TryBlockEnd(i, _s.CommentEnd, true, out int end))
            {
                _line += Count(_source, _pos, end);
                _pos = end;
                _lineStarting = _source[end - 1] == '\n';
                return;
            }
        }
        throw Error("Missing end of comment tag", startLine);
    }

    private void LexRaw(int startLine)
    {
        string src = _source;
        for (int i = _pos; i < src.Length; i++)
        {
            if (!At(i, _s.BlockStart))
            {
                continue;
            }
            int j = i + _s.BlockStart.Length;
            char sign = '\0';
            if (j < src.Length && src[j] is '-' or '+')
            {
                sign = src[j];
                j++;
            }
            j = SkipSpace(j);
            if (!At(j, "endraw"))
            {
                continue;
            }
            j = SkipSpace(j + 6);
            if (!TryBlockEnd(j, _s.BlockEnd, true, out int end))
            {
                continue;
            }
            string text = ApplyStrip(src[_pos..i], sign, true);
            EmitData(text);
            _line += Count(src, _pos, end);
            _pos = end;
            _lineStarting = src[end - 1] == '\n';
            return;
        }
        throw Error("Missing end of raw directive", startLine);
    }

    /// <summary>The operator at <paramref name="i"/> (longest match first, as Jinja2's regex), or null.</summary>
    private string? MatchOperator(int i)
    {
        string src = _source;
        char next = i + 1 < src.Length ? src[i + 1] : '\0';
        return src[i] switch
        {
            '/' => next == '/' ? "//" : "/",
            '*' => next == '*' ? "**" : "*",
            '=' => next == '=' ? "==" : "=",
            '!' => next == '=' ? "!=" : null,
            '>' => next == '=' ? ">=" : ">",
            '<' => next == '=' ? "<=" : "<",
            '+' => "+",
            '-' => "-",
            '%' => "%",
            '~' => "~",
            '[' => "[",
            ']' => "]",
            '(' => "(",
            ')' => ")",
            '{' => "{",
            '}' => "}",
            '.' => ".",
            ':' => ":",
            '|' => "|",
            ',' => ",",
            ';' => ";",
            _ => null,
        };
    }

    /// <summary>A name's text: keywords and common names (built-in filters, tests, globals) share
    /// one string; other names are cut from the source.</summary>
    private string Name(int start, int end)
    {
        // Names repeat (keywords, the template's variables and attributes), so each thread keeps the
        // last name seen per hash bucket and hands it out again instead of a new string.
        var span = _source.AsSpan(start, end - start);
        var names = _names;
        uint hash = (((((uint)span.Length * 31) + span[0]) * 31 + span[^1]) * 31 + span[span.Length >> 1]) * 0x9E3779B1;
        int bucket = (int)(hash >> 24) & (NameBuckets - 1);
        var cached = names[bucket];
        if (cached is not null && span.SequenceEqual(cached))
        {
            return cached;
        }
        var name = Keyword(span) ?? span.ToString();
        names[bucket] = name;
        return name;
    }

    private const int NameBuckets = 256;

    /// <summary>This thread's recent names (see <see cref="Name"/>).</summary>
    private readonly string?[] _names = _threadNames ??= new string?[NameBuckets];

    [ThreadStatic]
    private static string?[]? _threadNames;

    private static string? Keyword(ReadOnlySpan<char> s) => s switch
    {
        "for" => "for",
        "in" => "in",
        "endfor" => "endfor",
        "if" => "if",
        "elif" => "elif",
        "else" => "else",
        "endif" => "endif",
        "not" => "not",
        "and" => "and",
        "or" => "or",
        "is" => "is",
        "block" => "block",
        "endblock" => "endblock",
        "extends" => "extends",
        "macro" => "macro",
        "endmacro" => "endmacro",
        "call" => "call",
        "endcall" => "endcall",
        "set" => "set",
        "endset" => "endset",
        "include" => "include",
        "import" => "import",
        "from" => "from",
        "as" => "as",
        "with" => "with",
        "endwith" => "endwith",
        "loop" => "loop",
        "caller" => "caller",
        "super" => "super",
        "true" => "true",
        "false" => "false",
        "none" => "none",
        "True" => "True",
        "False" => "False",
        "None" => "None",
        "self" => "self",
        "varargs" => "varargs",
        "kwargs" => "kwargs",
        "recursive" => "recursive",
        "scoped" => "scoped",
        "required" => "required",
        "context" => "context",
        "without" => "without",
        "ignore" => "ignore",
        "missing" => "missing",
        "print" => "print",
        "filter" => "filter",
        "endfilter" => "endfilter",
        "autoescape" => "autoescape",
        "endautoescape" => "endautoescape",
        "raw" => "raw",
        "do" => "do",
        "break" => "break",
        "continue" => "continue",
        "range" => "range",
        "namespace" => "namespace",
        "dict" => "dict",
        "lipsum" => "lipsum",
        "cycler" => "cycler",
        "joiner" => "joiner",
        "abs" => "abs",
        "attr" => "attr",
        "batch" => "batch",
        "capitalize" => "capitalize",
        "center" => "center",
        "count" => "count",
        "d" => "d",
        "default" => "default",
        "dictsort" => "dictsort",
        "e" => "e",
        "escape" => "escape",
        "filesizeformat" => "filesizeformat",
        "first" => "first",
        "float" => "float",
        "forceescape" => "forceescape",
        "format" => "format",
        "groupby" => "groupby",
        "indent" => "indent",
        "int" => "int",
        "items" => "items",
        "join" => "join",
        "last" => "last",
        "length" => "length",
        "list" => "list",
        "lower" => "lower",
        "map" => "map",
        "max" => "max",
        "min" => "min",
        "pprint" => "pprint",
        "reject" => "reject",
        "rejectattr" => "rejectattr",
        "replace" => "replace",
        "reverse" => "reverse",
        "round" => "round",
        "safe" => "safe",
        "select" => "select",
        "selectattr" => "selectattr",
        "slice" => "slice",
        "sort" => "sort",
        "string" => "string",
        "striptags" => "striptags",
        "sum" => "sum",
        "title" => "title",
        "tojson" => "tojson",
        "trim" => "trim",
        "truncate" => "truncate",
        "unique" => "unique",
        "upper" => "upper",
        "urlencode" => "urlencode",
        "urlize" => "urlize",
        "wordcount" => "wordcount",
        "wordwrap" => "wordwrap",
        "xmlattr" => "xmlattr",
        "callable" => "callable",
        "defined" => "defined",
        "undefined" => "undefined",
        "divisibleby" => "divisibleby",
        "even" => "even",
        "odd" => "odd",
        "equalto" => "equalto",
        "escaped" => "escaped",
        "iterable" => "iterable",
        "mapping" => "mapping",
        "number" => "number",
        "sameas" => "sameas",
        "sequence" => "sequence",
        "index" => "index",
        "index0" => "index0",
        "revindex" => "revindex",
        "revindex0" => "revindex0",
        "previtem" => "previtem",
        "nextitem" => "nextitem",
        "changed" => "changed",
        "depth" => "depth",
        "depth0" => "depth0",
        "cycle" => "cycle",
        "item" => "item",
        "key" => "key",
        "value" => "value",
        "name" => "name",
        _ => null,
    };

    private void LexTag(Rule kind)
    {
        string src = _source;
        int depth = 0;
        string endString = kind == Rule.Variable ? _s.VariableEnd : _s.BlockEnd;
        bool checkEveryChar = kind == Rule.LineStatement || endString.Length == 0;
        char endFirst = endString.Length > 0 ? endString[0] : '\0';
        while (true)
        {
            int i = _pos;
            // Only a sign or the end delimiter's first character can start the end of the tag.
            if (depth == 0 && (checkEveryChar || i >= src.Length || src[i] is '-' or '+' || src[i] == endFirst))
            {
                int end;
                bool matched = kind switch
                {
                    Rule.Block => TryBlockEnd(i, _s.BlockEnd, true, out end),
                    Rule.Variable => TryVariableEnd(i, out end),
                    _ => TryLineStatementEnd(i, out end),
                };
                if (matched)
                {
                    var type = kind == Rule.Variable ? TokenType.VariableEnd : TokenType.BlockEnd;
                    _tokens.Add(new Token(type, "", _line));
                    _line += CountShort(src, i, end);
                    _pos = end;
                    _lineStarting = end > 0 && src[end - 1] == '\n';
                    return;
                }
            }
            if (i >= src.Length)
            {
                return; // the parser reports the unexpected end
            }
            char c = src[i];
            if (IsSpace(c))
            {
                int j = SkipSpace(i);
                _line += CountShort(src, i, j);
                _pos = j;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                LexNumber();
                continue;
            }
            if (c < '\x80' ? char.IsAsciiLetter(c) || c == '_' : char.IsLetter(c))
            {
                int j = i + 1;
                while (j < src.Length && IsNameChar(src[j]))
                {
                    j++;
                }
                _tokens.Add(new Token(TokenType.Name, Name(i, j), _line));
                _pos = j;
                continue;
            }
            if (c is '\'' or '"')
            {
                LexString(c);
                continue;
            }
            string? op = MatchOperator(i);
            if (op is null)
            {
                throw Error($"unexpected char {PyQuote(c.ToString())} at {i}");
            }
            // Brackets are one character; the rest of the operators skip the balance checks on their first character.
            char first = op.Length == 1 ? op[0] : '\0';
            if (first is '(' or '[' or '{')
            {
                if (depth == _balance.Length)
                {
                    Array.Resize(ref _balance, depth * 2);
                }
                _balance[depth++] = op[0];
            }
            else if (first is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    throw Error($"unexpected '{op}'");
                }
                char open = _balance[--depth];
                char expected = open switch { '(' => ')', '[' => ']', _ => '}' };
                if (expected != op[0])
                {
                    throw Error($"unexpected '{op}', expected '{expected}'");
                }
            }
            _tokens.Add(new Token(TokenType.Operator, op, _line));
            _pos = i + op.Length;
        }
    }

    private bool TryVariableEnd(int i, out int end)
    {
        end = 0;
        if (i < _source.Length && _source[i] == '-' && At(i + 1, _s.VariableEnd))
        {
            end = SkipSpace(i + 1 + _s.VariableEnd.Length);
            return true;
        }
        if (At(i, _s.VariableEnd))
        {
            end = i + _s.VariableEnd.Length;
            return true;
        }
        return false;
    }

    private bool TryLineStatementEnd(int i, out int end)
    {
        end = 0;
        int j = SkipSpace(i);
        if (j >= _source.Length)
        {
            end = j;
            return true;
        }
        int nl = _source.LastIndexOf('\n', j - 1 < i ? i : j - 1, j - i);
        if (j > i && nl >= i)
        {
            end = nl + 1;
            return true;
        }
        return false;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static int Digits(string s, int i)
    {
        // (\d+_)*\d+
        int start = i;
        while (true)
        {
            int j = i;
            while (j < s.Length && IsDigit(s[j]))
            {
                j++;
            }
            if (j == i)
            {
                return start == i ? -1 : i - 1; // cannot end on '_'
            }
            if (j < s.Length && s[j] == '_' && j + 1 < s.Length && IsDigit(s[j + 1]))
            {
                i = j + 1;
                continue;
            }
            return j;
        }
    }

    private void LexNumber()
    {
        string src = _source;
        int i = _pos;
        bool afterDot = i > 0 && src[i - 1] == '.';
        // float: (?<!\.)(\d+_)*\d+((\.(\d+_)*\d+)?e[+\-]?(\d+_)*\d+|\.(\d+_)*\d+)
        if (!afterDot)
        {
            int intEnd = Digits(src, i);
            int j = intEnd;
            int fracEnd = -1;
            if (j < src.Length && src[j] == '.')
            {
                fracEnd = Digits(src, j + 1);
            }
            int expStart = fracEnd > 0 ? fracEnd : j;
            int expEnd = -1;
            if (expStart < src.Length && src[expStart] is 'e' or 'E')
            {
                int k = expStart + 1;
                if (k < src.Length && src[k] is '+' or '-')
                {
                    k++;
                }
                expEnd = Digits(src, k);
            }
            int floatEnd = expEnd > 0 ? expEnd : fracEnd > 0 ? fracEnd : -1;
            if (expEnd < 0 && fracEnd > 0)
            {
                floatEnd = fracEnd;
            }
            if (floatEnd > 0)
            {
                string text = src[i..floatEnd].Replace("_", "");
                double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                _tokens.Add(new Token(TokenType.Float, src[i..floatEnd], _line, value));
                _pos = floatEnd;
                return;
            }
        }
        // integer: 0b..|0o..|0x..|[1-9](_?\d)*|0(_?0)*
        if (src[i] == '0' && i + 1 < src.Length && char.ToLowerInvariant(src[i + 1]) is 'b' or 'o' or 'x')
        {
            char kind = char.ToLowerInvariant(src[i + 1]);
            int radix = kind == 'b' ? 2 : kind == 'o' ? 8 : 16;
            int j = i + 2;
            var digits = new StringBuilder();
            while (true)
            {
                int k = j;
                if (k < src.Length && src[k] == '_')
                {
                    k++;
                }
                if (k < src.Length && DigitValue(src[k]) is int d && d < radix)
                {
                    digits.Append(src[k]);
                    j = k + 1;
                    continue;
                }
                break;
            }
            if (digits.Length > 0)
            {
                BigInteger v = BigInteger.Zero;
                foreach (char ch in digits.ToString())
                {
                    v = v * radix + DigitValue(ch)!.Value;
                }
                _tokens.Add(new Token(TokenType.Integer, src[i..j], _line, Narrow(v)));
                _pos = j;
                return;
            }
        }
        {
            int j = i + 1;
            if (src[i] == '0')
            {
                while (j < src.Length && (src[j] == '0' || (src[j] == '_' && j + 1 < src.Length && src[j + 1] == '0')))
                {
                    j += src[j] == '_' ? 2 : 1;
                }
                _tokens.Add(new Token(TokenType.Integer, src[i..j], _line, 0L));
            }
            else
            {
                while (j < src.Length && (IsDigit(src[j]) || (src[j] == '_' && j + 1 < src.Length && IsDigit(src[j + 1]))))
                {
                    j += src[j] == '_' ? 2 : 1;
                }
                string text = src[i..j];
                object value = j - i <= 18 && !text.Contains('_')
                    ? long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
                    : Narrow(BigInteger.Parse(text.Replace("_", ""), CultureInfo.InvariantCulture));
                _tokens.Add(new Token(TokenType.Integer, text, _line, value));
            }
            _pos = j;
        }
    }

    private static object Narrow(BigInteger v) => v >= long.MinValue && v <= long.MaxValue ? (object)(long)v : v;

    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => null,
    };

    private void LexString(char quote)
    {
        string src = _source;
        int i = _pos + 1;
        while (i < src.Length && src[i] != quote)
        {
            i += src[i] == '\\' ? 2 : 1;
        }
        if (i >= src.Length)
        {
            throw Error($"unexpected char {PyQuote(quote.ToString())} at {_pos}");
        }
        string raw = src[(_pos + 1)..i];
        if (_s.NewlineSequence != "\n")
        {
            raw = raw.Replace("\n", _s.NewlineSequence);
        }
        string value;
        try
        {
            value = Unescape(raw);
        }
        catch (FormatException e)
        {
            // Jinja2 reports the last part of Python's UnicodeDecodeError message.
            throw Error(e.Message);
        }
        _tokens.Add(new Token(TokenType.String, value, _line));
        _line += Count(src, _pos, i);
        _pos = i + 1;
    }

    /// <summary>
    /// Decodes Python's backslash escapes (unicode-escape), <c>\N{NAME}</c> included; unknown escapes
    /// stay as written. A malformed escape throws <see cref="FormatException"/> with Python's reason.
    /// </summary>
    internal static string Unescape(string s)
    {
        if (!s.Contains('\\'))
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(c);
                continue;
            }
            char n = s[++i];
            switch (n)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'x':
                case 'u':
                case 'U':
                    {
                        int len = n == 'x' ? 2 : n == 'u' ? 4 : 8;
                        if (!TryHex(s, i + 1, len, out long cp))
                        {
                            throw new FormatException(n == 'x' ? "truncated \\xXX escape" : n == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
                        }
                        if (cp > 0x10FFFF)
                        {
                            throw new FormatException("illegal Unicode character");
                        }
                        // A lone surrogate (\ud800) stays one UTF-16 unit, as Python keeps it.
                        sb.Append(cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32((int)cp));
                        i += len;
                        break;
                    }
                case 'N':
                    {
                        int close = i + 1 < s.Length && s[i + 1] == '{' ? s.IndexOf('}', i + 2) : -1;
                        if (close < 0 || close == i + 2)
                        {
                            throw new FormatException("malformed \\N character escape");
                        }
                        int named = Python.UnicodeNames.Lookup(s[(i + 2)..close]) ?? throw new FormatException("unknown Unicode character name");
                        sb.Append(char.ConvertFromUtf32(named));
                        i = close;
                        break;
                    }
                case >= '0' and <= '7':
                    {
                        int v = n - '0';
                        int k = 1;
                        while (k < 3 && i + 1 < s.Length && s[i + 1] is >= '0' and <= '7')
                        {
                            v = v * 8 + (s[++i] - '0');
                            k++;
                        }
                        sb.Append((char)v);
                        break;
                    }
                default:
                    sb.Append('\\').Append(n);
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool TryHex(string s, int start, int len, out long value)
    {
        value = 0;
        if (start + len > s.Length)
        {
            return false;
        }
        for (int i = start; i < start + len; i++)
        {
            if (DigitValue(s[i]) is not int d)
            {
                return false;
            }
            value = value * 16 + d;
        }
        return true;
    }

    /// <summary>Python's repr of a short string (single quotes unless it contains one).</summary>
    internal static string PyQuote(string s) => s.Contains('\'') && !s.Contains('"') ? "\"" + s + "\"" : "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
