namespace Flagon.Routing;

/// <summary>
/// A URL variable converter, as Werkzeug's <c>BaseConverter</c>: a regular expression that matches the
/// variable in the path, a weight for rule ordering, and conversions to and from the URL text.
/// </summary>
/// <remarks>
/// <see cref="Regex"/> is a .NET regular expression. A converter whose regex can match <c>/</c> is not
/// part-isolating (it consumes the rest of the path, like <c>path</c>). As in Werkzeug 3, a converter that
/// sets <see cref="Regex"/> but not <see cref="PartIsolating"/> is part-isolating unless its regex contains
/// a <c>/</c>; unlike Werkzeug, a <c>/</c> inside a negated class such as <c>[^/]</c> does not count.
/// </remarks>
public abstract class BaseConverter
{
    private string _regex = "[^/]+";
    private bool? _partIsolating;
    private string? _fastRegex;
    private bool _regexSet;

    /// <summary>The .NET regular expression (no anchors) that matches this variable's text.</summary>
    public string Regex
    {
        get => _regex;
        protected set
        {
            _regex = value ?? throw new ArgumentNullException(nameof(value));
            _regexSet = true;
        }
    }

    /// <summary>Ordering weight among dynamic parts: lower sorts first (int/float 50, string 100, path 200).</summary>
    public int Weight { get; protected set; } = 100;

    /// <summary>True when the variable stays inside one path segment; false makes it consume the rest of the path.</summary>
    public bool PartIsolating
    {
        get => _partIsolating ?? (!_regexSet || !CanMatchSlash(_regex));
        protected set => _partIsolating = value;
    }

    /// <summary>True when the regex has a literal <c>/</c> outside a negated character class.</summary>
    internal static bool CanMatchSlash(string regex)
    {
        var inClass = false;
        var negated = false;
        for (var i = 0; i < regex.Length; i++)
        {
            var c = regex[i];
            if (c == '\\')
            {
                if (i + 1 < regex.Length && regex[i + 1] == '/' && !(inClass && negated))
                {
                    return true;
                }
                i++;
                continue;
            }
            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '/' && !negated)
                {
                    return true;
                }
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                negated = i + 1 < regex.Length && regex[i + 1] == '^';
                if (negated)
                {
                    i++;
                }
                if (i + 1 < regex.Length && regex[i + 1] == ']')
                {
                    i++;
                }
            }
            else if (c == '/')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Converts the matched URL text to the value given to the handler; throw <see cref="ValidationError"/> to reject.</summary>
    public abstract object? ToPython(string value);

    /// <summary>Converts a value to URL text for building; the default percent-quotes <c>str(value)</c> with Werkzeug's safe set.</summary>
    public virtual string ToUrl(object? value) => UrlQuoting.QuotePath(PyText.Str(value));

    /// <summary>Percent-quotes text with Werkzeug's path-segment safe set (<c>!$&amp;'()*+,/:;=@</c>).</summary>
    protected static string QuotePath(string text) => UrlQuoting.QuotePath(text);

    /// <summary>Python's <c>str(value)</c> for the usual .NET values (bool as True/False, floats as Python prints them).</summary>
    protected static string PythonStr(object? value) => PyText.Str(value);

    /// <summary>Marks the current <see cref="Regex"/> as one the built-in fast matcher implements exactly.</summary>
    private protected void EnableFastMatch() => _fastRegex = _regex;

    /// <summary>True when <see cref="FastMatch"/> can replace the regex (the regex was not changed since).</summary>
    internal bool HasFastMatch => _fastRegex is not null && ReferenceEquals(_fastRegex, _regex);

    /// <summary>Hand-written equivalent of <c>\A(?:Regex)\z</c> on a whole part.</summary>
    internal virtual bool FastMatch(ReadOnlySpan<char> text) => false;

    /// <summary>Converts without throwing on rejection; built-in converters override this to avoid exceptions.</summary>
    internal virtual bool TryToPython(string source, int start, int length, out object? value)
    {
        try
        {
            value = ToPython(source.Substring(start, length));
            return true;
        }
        catch (ValidationError)
        {
            value = null;
            return false;
        }
    }
}
