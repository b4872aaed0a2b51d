using System.Globalization;
using System.Numerics;
using System.Text;

namespace Flagon.Security;

/// <summary>
/// Parses JSON as Python's <c>json.loads</c> does: integers of any size (long, else BigInteger),
/// floats as double, the NaN/Infinity literals, duplicate keys (last wins), and an optional
/// <c>object_hook</c> applied bottom-up. Nesting is limited so hostile input cannot overflow the stack.
/// </summary>
internal sealed class PyJsonReader
{
    /// <summary>Deepest nesting accepted; Python's own limit is its recursion limit (about 1000).</summary>
    public const int MaxDepth = 500;

    /// <summary>Python refuses integers longer than this many digits (<c>sys.get_int_max_str_digits()</c>).</summary>
    private const int MaxIntDigits = 4300;

    private readonly string _s;
    private readonly Func<Dictionary<string, object?>, object?>? _objectHook;
    private int _pos;

    private PyJsonReader(string s, Func<Dictionary<string, object?>, object?>? objectHook)
    {
        _s = s;
        _objectHook = objectHook;
    }

    /// <summary>Parses a whole document; throws <see cref="FormatException"/> when it is not valid JSON.</summary>
    public static object? Parse(string text, Func<Dictionary<string, object?>, object?>? objectHook = null)
    {
        var reader = new PyJsonReader(text, objectHook);
        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._pos != text.Length)
        {
            throw reader.Error("Extra data");
        }
        return value;
    }

    private FormatException Error(string what) => new($"{what}: char {_pos}");

    private void SkipWhitespace()
    {
        while (_pos < _s.Length && _s[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("Nesting too deep");
        }
        if (_pos >= _s.Length)
        {
            throw Error("Expecting value");
        }
        char c = _s[_pos];
        switch (c)
        {
            case '{': return ReadObject(depth + 1);
            case '[': return ReadArray(depth + 1);
            case '"': return ReadString();
            case 'n' when Match("null"): return null;
            case 't' when Match("true"): return true;
            case 'f' when Match("false"): return false;
            case 'N' when Match("NaN"): return double.NaN;
            case 'I' when Match("Infinity"): return double.PositiveInfinity;
            case '-' when Match("-Infinity"): return double.NegativeInfinity;
            default:
                if (c == '-' || char.IsAsciiDigit(c))
                {
                    return ReadNumber();
                }
                throw Error("Expecting value");
        }
    }

    private bool Match(string literal)
    {
        if (string.CompareOrdinal(_s, _pos, literal, 0, literal.Length) == 0)
        {
            _pos += literal.Length;
            return true;
        }
        return false;
    }

    private object ReadNumber()
    {
        int start = _pos;
        if (_s[_pos] == '-')
        {
            _pos++;
        }
        if (_pos >= _s.Length || !char.IsAsciiDigit(_s[_pos]))
        {
            throw Error("Expecting value");
        }
        if (_s[_pos] == '0')
        {
            _pos++;
        }
        else
        {
            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                _pos++;
            }
        }
        bool isFloat = false;
        if (_pos + 1 < _s.Length && _s[_pos] == '.' && char.IsAsciiDigit(_s[_pos + 1]))
        {
            isFloat = true;
            _pos += 2;
            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                _pos++;
            }
        }
        if (_pos < _s.Length && _s[_pos] is 'e' or 'E')
        {
            int save = _pos;
            _pos++;
            if (_pos < _s.Length && _s[_pos] is '+' or '-')
            {
                _pos++;
            }
            if (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                isFloat = true;
                while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save; // Python's scanner leaves a bare 'e' for the caller, which then fails.
            }
        }
        var text = _s.AsSpan(start, _pos - start);
        if (isFloat)
        {
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            return l;
        }
        if (text.Length - (text[0] == '-' ? 1 : 0) > MaxIntDigits)
        {
            throw Error("Exceeds the limit for integer string conversion");
        }
        return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private string ReadString()
    {
        _pos++; // opening quote
        StringBuilder? sb = null;
        int chunk = _pos;
        while (true)
        {
            if (_pos >= _s.Length)
            {
                throw Error("Unterminated string");
            }
            char c = _s[_pos];
            if (c == '"')
            {
                string result = sb is null ? _s[chunk.._pos] : sb.Append(_s, chunk, _pos - chunk).ToString();
                _pos++;
                return result;
            }
            if (c < 0x20)
            {
                throw Error("Invalid control character");
            }
            if (c != '\\')
            {
                _pos++;
                continue;
            }
            sb ??= new StringBuilder();
            sb.Append(_s, chunk, _pos - chunk);
            _pos++;
            if (_pos >= _s.Length)
            {
                throw Error("Unterminated string");
            }
            char esc = _s[_pos++];
            switch (esc)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _s.Length
                        || !ushort.TryParse(_s.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        throw Error("Invalid \\uXXXX escape");
                    }
                    _pos += 4;
                    sb.Append((char)code);
                    break;
                default:
                    throw Error("Invalid \\escape");
            }
            chunk = _pos;
        }
    }

    private List<object?> ReadArray(int depth)
    {
        _pos++;
        var list = new List<object?>();
        SkipWhitespace();
        if (_pos < _s.Length && _s[_pos] == ']')
        {
            _pos++;
            return list;
        }
        while (true)
        {
            SkipWhitespace();
            list.Add(ReadValue(depth));
            SkipWhitespace();
            if (_pos >= _s.Length)
            {
                throw Error("Expecting ',' delimiter");
            }
            char c = _s[_pos++];
            if (c == ']')
            {
                return list;
            }
            if (c != ',')
            {
                throw Error("Expecting ',' delimiter");
            }
        }
    }

    private object? ReadObject(int depth)
    {
        _pos++;
        var dict = new Dictionary<string, object?>();
        SkipWhitespace();
        if (_pos < _s.Length && _s[_pos] == '}')
        {
            _pos++;
            return _objectHook is null ? dict : _objectHook(dict);
        }
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _s.Length || _s[_pos] != '"')
            {
                throw Error("Expecting property name enclosed in double quotes");
            }
            string key = ReadString();
            SkipWhitespace();
            if (_pos >= _s.Length || _s[_pos] != ':')
            {
                throw Error("Expecting ':' delimiter");
            }
            _pos++;
            SkipWhitespace();
            dict[key] = ReadValue(depth);
            SkipWhitespace();
            if (_pos >= _s.Length)
            {
                throw Error("Expecting ',' delimiter");
            }
            char c = _s[_pos++];
            if (c == '}')
            {
                return _objectHook is null ? dict : _objectHook(dict);
            }
            if (c != ',')
            {
                throw Error("Expecting ',' delimiter");
            }
        }
    }
}
