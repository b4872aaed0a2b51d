using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Flagon.Jinja.Runtime;

/// <summary>Operators and repr: Undefined checks here, Python semantics delegated.</summary>
internal static partial class Ops
{
    public static string TypeName(object? v) => v switch
    {
        null => "NoneType",
        bool => "bool",
        long or int or BigInteger => "int",
        double => "float",
        string => "str",
        Markup => "Markup",
        List<object?> => "list",
        PyTuple => "tuple",
        PyDict => "dict",
        PyRange => "range",
        Undefined u => u.GetType().Name,
        Macro => "Macro",
        IJinjaCallable => "function",
        _ => ObjectAdapter.IsMapping(v) ? "dict" : ObjectAdapter.IsCollection(v) ? "list" : v.GetType().Name,
    };

    private static void CheckUndefined(object? a, object? b)
    {
        if (a is Undefined ua)
        {
            throw ua.Fail();
        }
        if (b is Undefined ub)
        {
            throw ub.Fail();
        }
    }

    private static bool IsInt(object? v) => v is long or bool or BigInteger or int;

    private static BigInteger Big(object v) => v switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        int i => i,
        _ => (BigInteger)v,
    };

    private static object Narrow(BigInteger v) => v >= long.MinValue && v <= long.MaxValue ? (long)v : v;

    private static bool IsNumber(object? v) => v is long or double or bool or BigInteger or int;

    private static double Dbl(object v) => v switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        int i => i,
        BigInteger big => (double)big,
        _ => throw new InvalidCastException(),
    };

    private static PythonError Unsupported(string op, object? a, object? b) =>
        PythonError.TypeError($"unsupported operand type(s) for {op}: '{TypeName(a)}' and '{TypeName(b)}'");

    public static object? Binary(string op, object? a, object? b)
    {
        CheckUndefined(a, b);
        a = ObjectAdapter.Normalize(a);
        b = ObjectAdapter.Normalize(b);
        return op switch
        {
            "+" => Add(a, b),
            "-" => Sub(a, b),
            "*" => Mul(a, b),
            "/" => Div(a, b),
            "//" => FloorDiv(a, b),
            "%" => Mod(a, b),
            "**" => Pow(a, b),
            _ => throw new InvalidOperationException(op),
        };
    }

    private static object? Add(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            long r = x + y;
            return ((x ^ r) & (y ^ r)) < 0 ? (BigInteger)x + y : r;
        }
        if (IsNumber(a) && IsNumber(b))
        {
            return a is double || b is double ? Dbl(a!) + Dbl(b!) : Narrow(Big(a!) + Big(b!));
        }
        switch (a)
        {
            case Markup ma:
                if (b is string or Markup)
                {
                    return new Markup(ma.Value + Escape(b).Value);
                }
                break;
            case string sa:
                if (b is Markup mb)
                {
                    return new Markup(Markup.EscapeText(sa) + mb.Value);
                }
                if (b is string sb)
                {
                    return sa + sb;
                }
                throw PythonError.TypeError($"can only concatenate str (not \"{TypeName(b)}\") to str");
            case List<object?> la:
                if (b is List<object?> lb)
                {
                    var r = new List<object?>(la.Count + lb.Count);
                    r.AddRange(la);
                    r.AddRange(lb);
                    return r;
                }
                throw PythonError.TypeError($"can only concatenate list (not \"{TypeName(b)}\") to list");
            case PyTuple ta:
                if (b is PyTuple tb)
                {
                    return new PyTuple(ta.Concat(tb).ToArray());
                }
                throw PythonError.TypeError($"can only concatenate tuple (not \"{TypeName(b)}\") to tuple");
        }
        throw Unsupported("+", a, b);
    }

    private static object? Sub(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            long r = x - y;
            return ((x ^ y) & (x ^ r)) < 0 ? (BigInteger)x - y : r;
        }
        if (IsNumber(a) && IsNumber(b))
        {
            return a is double || b is double ? Dbl(a!) - Dbl(b!) : Narrow(Big(a!) - Big(b!));
        }
        throw Unsupported("-", a, b);
    }

    private static object? Mul(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double || b is double)
            {
                return Dbl(a!) * Dbl(b!);
            }
            if (a is long x && b is long y)
            {
                long r;
                try
                {
                    r = checked(x * y);
                }
                catch (OverflowException)
                {
                    return (BigInteger)x * y;
                }
                return r;
            }
            return Narrow(Big(a!) * Big(b!));
        }
        if (IsInt(b) && a is string or Markup or List<object?> or PyTuple)
        {
            return Repeat(a, Big(b!));
        }
        if (IsInt(a) && b is string or Markup or List<object?> or PyTuple)
        {
            return Repeat(b, Big(a!));
        }
        if (a is string or List<object?> or PyTuple && b is not null)
        {
            throw PythonError.TypeError($"can't multiply sequence by non-int of type '{TypeName(b)}'");
        }
        throw Unsupported("*", a, b);
    }

    private static object Repeat(object? seq, BigInteger times)
    {
        int n = times <= 0 ? 0 : times > 100_000_000 ? throw PythonError.Overflow("repeated sequence is too long") : (int)times;
        switch (seq)
        {
            case string s:
                return string.Concat(Enumerable.Repeat(s, n));
            case Markup m:
                return new Markup(string.Concat(Enumerable.Repeat(m.Value, n)));
            case List<object?> l:
                {
                    var r = new List<object?>(l.Count * n);
                    for (int i = 0; i < n; i++)
                    {
                        r.AddRange(l);
                    }
                    return r;
                }
            default:
                {
                    var t = (PyTuple)seq!;
                    var r = new List<object?>();
                    for (int i = 0; i < n; i++)
                    {
                        r.AddRange(t);
                    }
                    return new PyTuple(r.ToArray());
                }
        }
    }

    private static object? Div(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            double d = Dbl(b!);
            if (d == 0)
            {
                throw PythonError.ZeroDivision(a is double || b is double ? "float division by zero" : "division by zero");
            }
            if (a is BigInteger || b is BigInteger)
            {
                return (double)Big(a!) / (double)Big(b!);
            }
            return Dbl(a!) / d;
        }
        throw Unsupported("/", a, b);
    }

    private static object? FloorDiv(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double || b is double)
            {
                double y = Dbl(b!);
                if (y == 0)
                {
                    throw PythonError.ZeroDivision("float floor division by zero");
                }
                return Math.Floor(Dbl(a!) / y);
            }
            var bx = Big(a!);
            var by = Big(b!);
            if (by.IsZero)
            {
                throw PythonError.ZeroDivision("integer division or modulo by zero");
            }
            var q = BigInteger.DivRem(bx, by, out var rem);
            if (!rem.IsZero && (rem.Sign < 0) != (by.Sign < 0))
            {
                q -= 1;
            }
            return Narrow(q);
        }
        throw Unsupported("//", a, b);
    }

    private static object? Mod(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double || b is double)
            {
                double x = Dbl(a!), y = Dbl(b!);
                if (y == 0)
                {
                    throw PythonError.ZeroDivision("float modulo");
                }
                double r = x % y;
                if (r != 0 && (r < 0) != (y < 0))
                {
                    r += y;
                }
                return r;
            }
            var bx = Big(a!);
            var by = Big(b!);
            if (by.IsZero)
            {
                throw PythonError.ZeroDivision("integer division or modulo by zero");
            }
            var m = BigInteger.Remainder(bx, by);
            if (!m.IsZero && (m.Sign < 0) != (by.Sign < 0))
            {
                m += by;
            }
            return Narrow(m);
        }
        if (a is string or Markup)
        {
            return PercentFormatShim.Format(a, b);
        }
        throw Unsupported("%", a, b);
    }

    private static object? Pow(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double || b is double)
            {
                double x = Dbl(a!), y = Dbl(b!);
                if (x == 0 && y < 0)
                {
                    throw PythonError.ZeroDivision("0.0 cannot be raised to a negative power");
                }
                return Math.Pow(x, y);
            }
            var bx = Big(a!);
            var by = Big(b!);
            if (by.Sign < 0)
            {
                if (bx.IsZero)
                {
                    throw PythonError.ZeroDivision("0.0 cannot be raised to a negative power");
                }
                return Math.Pow((double)bx, (double)by);
            }
            if (by > 100_000)
            {
                throw PythonError.Overflow("exponent too large");
            }
            return Narrow(BigInteger.Pow(bx, (int)by));
        }
        throw Unsupported("** or pow()", a, b);
    }

    public static object? Negate(object? v)
    {
        if (v is Undefined u)
        {
            throw u.Fail();
        }
        v = ObjectAdapter.Normalize(v);
        return v switch
        {
            long l => l == long.MinValue ? -(BigInteger)l : -l,
            bool b => b ? -1L : 0L,
            double d => -d,
            BigInteger big => Narrow(-big),
            _ => throw PythonError.TypeError($"bad operand type for unary -: '{TypeName(v)}'"),
        };
    }

    public static object? Plus(object? v)
    {
        if (v is Undefined u)
        {
            throw u.Fail();
        }
        v = ObjectAdapter.Normalize(v);
        return v switch
        {
            long or double or BigInteger => v,
            bool b => b ? 1L : 0L,
            _ => throw PythonError.TypeError($"bad operand type for unary +: '{TypeName(v)}'"),
        };
    }

    // ------------------------------------------------------------ comparisons

    public static bool Eq(object? a, object? b)
    {
        if (a is Undefined ua)
        {
            return ua.EqualsValue(b);
        }
        if (b is Undefined ub)
        {
            return ub.EqualsValue(a);
        }
        a = ObjectAdapter.Normalize(a);
        b = ObjectAdapter.Normalize(b);
        return ValueEquals(a, b);
    }

    private static bool ValueEquals(object? a, object? b)
    {
        switch (a)
        {
            case List<object?> la:
                if (b is not List<object?> lb || la.Count != lb.Count)
                {
                    return false;
                }
                for (int i = 0; i < la.Count; i++)
                {
                    if (!Eq(la[i], lb[i]))
                    {
                        return false;
                    }
                }
                return true;
            case PyDict da:
                if (b is not PyDict db || da.Count != db.Count)
                {
                    return false;
                }
                foreach (var kv in da)
                {
                    if (!db.TryGetValue(kv.Key, out var other) || !Eq(kv.Value, other))
                    {
                        return false;
                    }
                }
                return true;
        }
        return PyValueComparer.Instance.Equals(a, b);
    }

    public static bool Compare(string op, object? a, object? b)
    {
        switch (op)
        {
            case "==": return Eq(a, b);
            case "!=": return !Eq(a, b);
            case "in": return Contains(b, a);
            case "notin": return !Contains(b, a);
        }
        CheckUndefined(a, b);
        a = ObjectAdapter.Normalize(a);
        b = ObjectAdapter.Normalize(b);
        int c = Order(op, a, b);
        return op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        };
    }

    /// <summary>Python ordering between two values (TypeError when they are not orderable).</summary>
    public static int Order(string op, object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double || b is double)
            {
                double x = Dbl(a!), y = Dbl(b!);
                return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2; // NaN compares false
            }
            if (a is long la && b is long lb)
            {
                return la.CompareTo(lb);
            }
            return Big(a!).CompareTo(Big(b!));
        }
        if (a is string or Markup && b is string or Markup)
        {
            return string.CompareOrdinal(Str(a), Str(b)) switch { < 0 => -1, > 0 => 1, _ => 0 };
        }
        if ((a is List<object?> && b is List<object?>) || (a is PyTuple && b is PyTuple))
        {
            var x = ToList(a);
            var y = ToList(b);
            for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                if (!Eq(x[i], y[i]))
                {
                    return Order(op, x[i], y[i]);
                }
            }
            return x.Count.CompareTo(y.Count);
        }
        throw PythonError.TypeError($"'{op}' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
    }

    public static bool Contains(object? container, object? item)
    {
        if (container is Undefined u)
        {
            u.CheckIterable();
            return false;
        }
        if (item is Undefined ui && container is not (List<object?> or PyTuple))
        {
            if (container is string or Markup)
            {
                throw ui.Fail();
            }
        }
        container = ObjectAdapter.Normalize(container);
        switch (container)
        {
            case string s:
                if (item is string or Markup)
                {
                    return s.Contains(Str(item), StringComparison.Ordinal);
                }
                throw PythonError.TypeError($"'in <string>' requires string as left operand, not {TypeName(item)}");
            case Markup m:
                return m.Value.Contains(Str(item), StringComparison.Ordinal);
            case PyDict d:
                return item is not null && d.ContainsKey(item);
            case null:
                throw PythonError.TypeError("argument of type 'NoneType' is not iterable");
        }
        if (ObjectAdapter.IsMapping(container))
        {
            return ObjectAdapter.TryGetItem(container, item, out _);
        }
        if (container is IEnumerable && container is not string)
        {
            foreach (var x in Iterate(container))
            {
                if (Eq(x, item))
                {
                    return true;
                }
            }
            return false;
        }
        throw PythonError.TypeError($"argument of type '{TypeName(container)}' is not iterable");
    }

    // ------------------------------------------------------------ str / repr

    private static string PyStr(object v) => v switch
    {
        BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        List<object?> or PyTuple or PyDict => PyRepr(v),
        IFormattable f when ObjectAdapter.Normalize(v) is var n && !ReferenceEquals(n, v) => Str(n),
        _ => ObjectAdapter.IsCollection(v) || ObjectAdapter.IsMapping(v) ? PyRepr(ObjectAdapter.Normalize(v)) : v.ToString() ?? "",
    };

    private static string PyRepr(object? v)
    {
        switch (v)
        {
            case null: return "None";
            case bool b: return b ? "True" : "False";
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case BigInteger big: return big.ToString(CultureInfo.InvariantCulture);
            case double d: return FloatRepr(d);
            case string s: return StrRepr(s);
            case Markup m: return "Markup(" + StrRepr(m.Value) + ")";
            case Undefined: return "Undefined";
            case List<object?> list: return "[" + string.Join(", ", list.Select(Repr)) + "]";
            case PyTuple t: return t.Count == 1 ? "(" + Repr(t[0]) + ",)" : "(" + string.Join(", ", t.Select(Repr)) + ")";
            case PyDict d: return "{" + string.Join(", ", d.Select(kv => Repr(kv.Key) + ": " + Repr(kv.Value))) + "}";
        }
        var n = ObjectAdapter.Normalize(v);
        if (!ReferenceEquals(n, v))
        {
            return Repr(n);
        }
        if (v is IJinjaRepr r)
        {
            return r.Repr();
        }
        return PyStr(v);
    }

    public static string StrRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, exponent form outside 1e-4..1e16.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }
        string r = d.ToString("E16", CultureInfo.InvariantCulture);
        string shortest = d.ToString("R", CultureInfo.InvariantCulture);
        // Extract digits and exponent from the shortest round-trip form.
        bool neg = shortest.StartsWith('-');
        string body = neg ? shortest[1..] : shortest;
        int exp = 0;
        int ePos = body.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exp = int.Parse(body[(ePos + 1)..], CultureInfo.InvariantCulture);
            body = body[..ePos];
        }
        int dot = body.IndexOf('.');
        string digits = dot >= 0 ? body.Remove(dot, 1) : body;
        int pointPos = (dot >= 0 ? dot : body.Length) + exp; // digits before the decimal point
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            pointPos--;
        }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        _ = r;
        int decExp = pointPos - 1; // scientific exponent
        var sb = new StringBuilder();
        if (neg)
        {
            sb.Append('-');
        }
        if (decExp < -4 || decExp >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }
            sb.Append('e').Append(decExp < 0 ? '-' : '+').Append(Math.Abs(decExp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPos <= 0)
        {
            sb.Append("0.").Append('0', -pointPos).Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPos - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }
        return sb.ToString();
    }
}

/// <summary>A runtime object with a Python-style repr.</summary>
internal interface IJinjaRepr
{
    string Repr();
}
