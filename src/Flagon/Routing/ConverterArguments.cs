using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Flagon.Routing;

/// <summary>
/// The arguments written after a converter name in a rule, parsed like Werkzeug's
/// <c>parse_converter_args</c>: Python literals (ints, floats, True/False/None, quoted strings, bare words as
/// strings), positional or <c>key=value</c>.
/// </summary>
public sealed partial class ConverterArguments
{
    /// <summary>Marks a parameter that was not given in <see cref="Bind"/>'s result.</summary>
    public static readonly object Missing = new();

    /// <summary>No arguments.</summary>
    public static readonly ConverterArguments Empty = new([], new Dictionary<string, object?>());

    /// <summary>Creates arguments from already-parsed values.</summary>
    public ConverterArguments(IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?> keyword)
    {
        Positional = positional;
        Keyword = keyword;
    }

    /// <summary>The positional arguments, in order.</summary>
    public IReadOnlyList<object?> Positional { get; }

    /// <summary>The keyword arguments (<c>name=value</c>).</summary>
    public IReadOnlyDictionary<string, object?> Keyword { get; }

    [GeneratedRegex("""\s*((?<name>\w+)\s*=\s*)?(?<value>True|False|\d+.\d+|\d+.|\d+|[\w\d_.]+|[urUR]?(?<stringval>"[^"]*?"|'[^']*'))\s*,""")]
    private static partial Regex ArgumentSearchRegex();

    [GeneratedRegex("""^\s*[+-]?\d+(?:_\d+)*\s*$""")]
    private static partial Regex PyIntRegex();

    [GeneratedRegex("""^\s*[+-]?(?:(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?|inf|infinity|nan)\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex PyFloatRegex();

    /// <summary>Parses the text between the parentheses of <c>&lt;conv(...):name&gt;</c>.</summary>
    /// <exception cref="ArgumentException">A piece of the text is not a Python literal argument.</exception>
    public static ConverterArguments Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }
        var argstr = text + ",";
        var positional = new List<object?>();
        var keyword = new Dictionary<string, object?>(StringComparer.Ordinal);
        var position = 0;
        foreach (Match item in ArgumentSearchRegex().Matches(argstr))
        {
            if (item.Index != position)
            {
                throw new ArgumentException(
                    $"Cannot parse converter argument '{argstr[position..item.Index]}'");
            }
            var stringval = item.Groups["stringval"];
            var value = Pythonize(stringval.Success ? stringval.Value : item.Groups["value"].Value);
            var name = item.Groups["name"];
            if (name.Success)
            {
                keyword[name.Value] = value;
            }
            else
            {
                positional.Add(value);
            }
            position = item.Index + item.Length;
        }
        return new ConverterArguments(positional, keyword);
    }

    /// <summary>Werkzeug's <c>_pythonize</c>: None/True/False, then int, then float, then a (dequoted) string.</summary>
    internal static object? Pythonize(string value)
    {
        switch (value)
        {
            case "None":
                return null;
            case "True":
                return true;
            case "False":
                return false;
        }
        if (TryParsePyInt(value, out var integer))
        {
            return integer;
        }
        if (TryParsePyFloat(value, out var number))
        {
            return number;
        }
        if (value.Length >= 1 && value[0] == value[^1] && (value[0] == '"' || value[0] == '\''))
        {
            // Python's value[1:-1]: a lone quote becomes the empty string.
            return value.Length >= 2 ? value[1..^1] : "";
        }
        return value;
    }

    /// <summary>Python's <c>int(text)</c>: long, or BigInteger when it does not fit.</summary>
    internal static bool TryParsePyInt(string text, out object? value)
    {
        value = null;
        if (!PyIntRegex().IsMatch(text))
        {
            return false;
        }
        var clean = AsciiDigits(text.Trim().Replace("_", "", StringComparison.Ordinal));
        if (long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
            return true;
        }
        value = BigInteger.Parse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Python's <c>float(text)</c>.</summary>
    internal static bool TryParsePyFloat(string text, out double value)
    {
        value = 0;
        if (!PyFloatRegex().IsMatch(text))
        {
            return false;
        }
        var clean = AsciiDigits(text.Trim().Replace("_", "", StringComparison.Ordinal)).ToLowerInvariant();
        var negative = clean.StartsWith('-');
        var body = clean.TrimStart('+', '-');
        if (body is "inf" or "infinity")
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (body == "nan")
        {
            value = double.NaN;
            return true;
        }
        value = double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Maps Unicode decimal digits to ASCII, as Python's int() and float() accept them.</summary>
    internal static string AsciiDigits(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }
        if (ascii)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c > 127 && char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Binds the arguments to named parameters the way a Python call does (positional first, then keywords).
    /// Parameters not given are <see cref="Missing"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Too many positional arguments, an unknown keyword, or a duplicate.</exception>
    public object?[] Bind(string converterName, params string[] parameterNames)
    {
        if (Positional.Count > parameterNames.Length)
        {
            throw new ArgumentException(
                $"Converter '{converterName}' takes at most {parameterNames.Length} positional arguments but {Positional.Count} were given.");
        }
        var result = new object?[parameterNames.Length];
        Array.Fill(result, Missing);
        for (var i = 0; i < Positional.Count; i++)
        {
            result[i] = Positional[i];
        }
        foreach (var (key, value) in Keyword)
        {
            var index = Array.IndexOf(parameterNames, key);
            if (index < 0)
            {
                throw new ArgumentException($"Converter '{converterName}' got an unexpected keyword argument '{key}'.");
            }
            if (!ReferenceEquals(result[index], Missing))
            {
                throw new ArgumentException($"Converter '{converterName}' got multiple values for argument '{key}'.");
            }
            result[index] = value;
        }
        return result;
    }

    /// <summary>Python's <c>int(value)</c> for a converter argument.</summary>
    /// <exception cref="ArgumentException">The value is not an integer.</exception>
    public static long ToInt64(object? value, string parameterName) => value switch
    {
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => (long)Math.Truncate(d),
        string s when TryParsePyInt(s, out var parsed) && parsed is long l2 => l2,
        _ => throw new ArgumentException($"Converter argument '{parameterName}' must be an integer, not {PyText.Str(value)}."),
    };

    /// <summary>Python truthiness of a converter argument (e.g. <c>signed=True</c>).</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        string s => s.Length > 0,
        _ => true,
    };
}
