using System.Collections;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's operators over the engine's value model (<c>null</c>, <c>bool</c>, <c>long</c>,
/// <see cref="BigInteger"/>, <c>double</c>, <c>string</c>, <see cref="Markup"/>, <c>List&lt;object?&gt;</c>,
/// <see cref="PyTuple"/>, <see cref="PyDict"/>; other .NET lists and dictionaries are read as list and dict).
/// Results and error messages are CPython 3.11's. Unsupported operands raise <see cref="PythonError"/>
/// <c>TypeError</c>; callers check for Undefined before calling.
/// </summary>
public static class PyOps
{
    /// <summary>The longest string or list a repetition may build (guards against <c>'x' * 10**12</c>).</summary>
    public const long MaxRepeatLength = 1L << 28;

    /// <summary>Deepest nesting compared or printed before raising RecursionError.</summary>
    public const int MaxDepth = 500;

    private const int MaxPowBits = 1 << 24;

    /// <summary>Optional type names for the engine's own types (for example Undefined); return null to fall through.</summary>
    public static Func<object, string?>? TypeNameHook { get; set; }

    /// <summary>Python's <c>a + b</c>.</summary>
    public static object? Add(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            long r = unchecked(x + y);
            return ((x ^ r) & (y ^ r)) < 0 ? (BigInteger)x + y : (object)r;
        }
        if (a is double dx && b is double dy)
        {
            return dx + dy;
        }
        if (PyNumber.IsNumber(a) && PyNumber.IsNumber(b))
        {
            if (PyNumber.IsFloat(a) || PyNumber.IsFloat(b))
            {
                return PyNumber.ToDouble(a!) + PyNumber.ToDouble(b!);
            }
            return PyNumber.Normalize(PyNumber.ToBig(a!) + PyNumber.ToBig(b!));
        }
        switch (a)
        {
            case Markup ma:
                if (b is Markup mb)
                {
                    return new Markup(ma.Value + mb.Value);
                }
                if (b is string sb)
                {
                    return new Markup(ma.Value + Markup.EscapeText(sb));
                }
                break;
            case string sa:
                if (b is Markup mb2)
                {
                    return new Markup(Markup.EscapeText(sa) + mb2.Value);
                }
                if (b is string sb2)
                {
                    return string.Concat(sa, sb2);
                }
                throw PythonError.TypeError($"can only concatenate str (not \"{TypeName(b)}\") to str");
            case PyTuple ta:
                if (b is PyTuple tb)
                {
                    var items = new object?[ta.Count + tb.Count];
                    ta.AsSpan().CopyTo(items);
                    tb.AsSpan().CopyTo(items.AsSpan(ta.Count));
                    return new PyTuple(items);
                }
                throw PythonError.TypeError($"can only concatenate tuple (not \"{TypeName(b)}\") to tuple");
            case IList la when IsList(a):
                if (b is IList lb && IsList(b))
                {
                    var result = new List<object?>(la.Count + lb.Count);
                    foreach (var item in la)
                    {
                        result.Add(item);
                    }
                    foreach (var item in lb)
                    {
                        result.Add(item);
                    }
                    return result;
                }
                throw PythonError.TypeError($"can only concatenate list (not \"{TypeName(b)}\") to list");
        }
        throw Unsupported("+", a, b);
    }

    /// <summary>Python's <c>a - b</c>.</summary>
    public static object? Sub(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            long r = unchecked(x - y);
            return ((x ^ y) & (x ^ r)) < 0 ? (BigInteger)x - y : (object)r;
        }
        if (a is double dx && b is double dy)
        {
            return dx - dy;
        }
        if (PyNumber.IsNumber(a) && PyNumber.IsNumber(b))
        {
            if (PyNumber.IsFloat(a) || PyNumber.IsFloat(b))
            {
                return PyNumber.ToDouble(a!) - PyNumber.ToDouble(b!);
            }
            return PyNumber.Normalize(PyNumber.ToBig(a!) - PyNumber.ToBig(b!));
        }
        throw Unsupported("-", a, b);
    }

    /// <summary>Python's <c>a * b</c>, including sequence repetition (<c>'ab' * 3</c>, <c>[1] * 2</c>).</summary>
    public static object? Mul(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            Int128 p = (Int128)x * y;
            return p >= long.MinValue && p <= long.MaxValue ? (object)(long)p : (BigInteger)x * y;
        }
        if (a is double dx && b is double dy)
        {
            return dx * dy;
        }
        if (PyNumber.IsNumber(a) && PyNumber.IsNumber(b))
        {
            if (PyNumber.IsFloat(a) || PyNumber.IsFloat(b))
            {
                return PyNumber.ToDouble(a!) * PyNumber.ToDouble(b!);
            }
            return PyNumber.Normalize(PyNumber.ToBig(a!) * PyNumber.ToBig(b!));
        }
        // Markup's own __mul__/__rmul__ only take ints; plain str/list/tuple fall back to sequence repetition.
        if (a is Markup && PyNumber.IsInt(b))
        {
            return Repeat(a, b);
        }
        if (b is Markup && PyNumber.IsInt(a))
        {
            return Repeat(b, a);
        }
        if (IsSequence(a) && a is not Markup)
        {
            return Repeat(a!, b);
        }
        if (IsSequence(b) && b is not Markup)
        {
            return Repeat(b!, a);
        }
        throw Unsupported("*", a, b);
    }

    /// <summary>Python's <c>a / b</c>: always a float.</summary>
    public static object? TrueDiv(object? a, object? b)
    {
        if (a is double dx && b is double dy)
        {
            return dy == 0 ? throw PythonError.ZeroDivision("float division by zero") : dx / dy;
        }
        if (PyNumber.IsNumber(a) && PyNumber.IsNumber(b))
        {
            if (PyNumber.IsFloat(a) || PyNumber.IsFloat(b))
            {
                double fx = PyNumber.ToDouble(a!), fy = PyNumber.ToDouble(b!);
                return fy == 0 ? throw PythonError.ZeroDivision("float division by zero") : fx / fy;
            }
            if (PyNumber.TryGetLong(a, out long x) && PyNumber.TryGetLong(b, out long y)
                && Math.Abs((double)x) <= 9007199254740992.0 && Math.Abs((double)y) <= 9007199254740992.0)
            {
                return y == 0 ? throw PythonError.ZeroDivision("division by zero") : (double)x / y;
            }
            BigInteger bx = PyNumber.ToBig(a!), by = PyNumber.ToBig(b!);
            if (by.IsZero)
            {
                throw PythonError.ZeroDivision("division by zero");
            }
            return PyNumber.RatioToDouble(bx, by, "integer division result too large for a float");
        }
        throw Unsupported("/", a, b);
    }

    /// <summary>Python's <c>a // b</c> (floor division).</summary>
    public static object? FloorDiv(object? a, object? b)
    {
        if (PyNumber.IsNumber(a) && PyNumber.IsNumber(b))
        {
            if (PyNumber.IsFloat(a) || PyNumber.IsFloat(b))
            {
                double fy = PyNumber.ToDouble(b!);
                if (fy == 0)
                {
                    throw PythonError.ZeroDivision("float floor division by zero");
                }
                return FloatDivMod(PyNumber.ToDouble(a!), fy).Div;
            }
            if (PyNumber.TryGetLong(a, out long x) && PyNumber.TryGetLong(b, out long y))
            {
                if (y == 0)
                {
                    throw PythonError.ZeroDivision("integer division or modulo by zero");
                }
                if (x == long.MinValue && y == -1)
                {
                    return -(BigInteger)x;
                }
                long q = x / y;
                if (x % y != 0 && ((x < 0) != (y < 0)))
                {
                    q--;
                }
                return q;
            }
            BigInteger bx = PyNumber.ToBig(a!), by = PyNumber.ToBig(b!);
            if (by.IsZero)
            {
                throw PythonError.ZeroDivision("integer division or modulo by zero");
            }
            return PyNumber.Normalize(BigFloorDiv(bx, by, out _));
        }
        throw Unsupported("//", a, b);
    }

    /// <summary>Python's <c>a % b</c> on numbers (floor modulo) and on strings (printf-style formatting).</summary>
    public static object? Mod(object? a, object? b)
    {
        if (a is long x0 && b is long y0 && y0 > 0 && x0 >= 0)
        {
            return x0 % y0;
        }
        if (PyNumber.IsNumber(a) && PyNumber.IsNumber(b))
        {
            if (PyNumber.IsFloat(a) || PyNumber.IsFloat(b))
            {
                double fy = PyNumber.ToDouble(b!);
                if (fy == 0)
                {
                    throw PythonError.ZeroDivision("float modulo");
                }
                return FloatMod(PyNumber.ToDouble(a!), fy);
            }
            if (PyNumber.TryGetLong(a, out long x) && PyNumber.TryGetLong(b, out long y))
            {
                if (y == 0)
                {
                    throw PythonError.ZeroDivision("integer modulo by zero");
                }
                if (y == -1)
                {
                    return 0L;
                }
                long r = x % y;
                if (r != 0 && ((r < 0) != (y < 0)))
                {
                    r += y;
                }
                return r;
            }
            BigInteger bx = PyNumber.ToBig(a!), by = PyNumber.ToBig(b!);
            if (by.IsZero)
            {
                throw PythonError.ZeroDivision("integer modulo by zero");
            }
            BigFloorDiv(bx, by, out var rem);
            return PyNumber.Normalize(rem);
        }
        if (a is Markup or string)
        {
            return PercentFormat.Apply(a, b);
        }
        throw Unsupported("%", a, b);
    }

    /// <summary>Python's <c>a ** b</c> (a negative int exponent gives a float).</summary>
    public static object? Pow(object? a, object? b)
    {
        if (PyNumber.IsNumber(a) && PyNumber.IsNumber(b))
        {
            if (PyNumber.IsFloat(a) || PyNumber.IsFloat(b))
            {
                return FloatPow(PyNumber.ToDouble(a!), PyNumber.ToDouble(b!));
            }
            BigInteger bx = PyNumber.ToBig(a!), by = PyNumber.ToBig(b!);
            if (by.Sign < 0)
            {
                return FloatPow(PyNumber.ToDouble(a!), PyNumber.ToDouble(b!));
            }
            if (bx.IsZero || bx.IsOne)
            {
                return by.IsZero ? 1L : PyNumber.Normalize(bx);
            }
            if (bx == BigInteger.MinusOne)
            {
                return by.IsEven ? 1L : -1L;
            }
            if (by > MaxPowBits || BigInteger.Abs(bx).GetBitLength() * (long)by > MaxPowBits)
            {
                throw PythonError.Overflow("integer power result too large");
            }
            return PyNumber.Normalize(BigInteger.Pow(bx, (int)by));
        }
        throw Unsupported("** or pow()", a, b);
    }

    /// <summary>Python's unary <c>-a</c>.</summary>
    public static object? Neg(object? a) => a switch
    {
        long l => l == long.MinValue ? -(BigInteger)l : (object)(-l),
        double d => -d,
        bool b => b ? -1L : 0L,
        BigInteger big => PyNumber.Normalize(-big),
        _ when PyNumber.IsFloat(a) => -PyNumber.ToDouble(a!),
        _ when PyNumber.IsInt(a) => PyNumber.Normalize(-PyNumber.ToBig(a!)),
        _ => throw PythonError.TypeError($"bad operand type for unary -: '{TypeName(a)}'"),
    };

    /// <summary>Python's unary <c>+a</c> (<c>+True</c> is <c>1</c>).</summary>
    public static object? Pos(object? a) => a switch
    {
        long or double or BigInteger => a,
        bool b => b ? 1L : 0L,
        _ when PyNumber.IsFloat(a) => PyNumber.ToDouble(a!),
        _ when PyNumber.IsInt(a) => PyNumber.Normalize(PyNumber.ToBig(a!)),
        _ => throw PythonError.TypeError($"bad operand type for unary +: '{TypeName(a)}'"),
    };

    /// <summary>Python's <c>a == b</c>: <c>1 == 1.0 == True</c>, <c>'a' == Markup('a')</c>, tuple never equals list.</summary>
    public static bool Equal(object? a, object? b) => EqualCore(a, b, 0);

    /// <summary>Python's <c>a != b</c>.</summary>
    public static bool NotEqual(object? a, object? b) => !EqualCore(a, b, 0);

    /// <summary>Python's <c>a &lt; b</c>.</summary>
    public static bool Less(object? a, object? b) => CompareOp(a, b, "<") is { } c && c < 0;

    /// <summary>Python's <c>a &lt;= b</c>.</summary>
    public static bool LessEqual(object? a, object? b) => CompareOp(a, b, "<=") is { } c && c <= 0;

    /// <summary>Python's <c>a &gt; b</c>.</summary>
    public static bool Greater(object? a, object? b) => CompareOp(a, b, ">") is { } c && c > 0;

    /// <summary>Python's <c>a &gt;= b</c>.</summary>
    public static bool GreaterEqual(object? a, object? b) => CompareOp(a, b, ">=") is { } c && c >= 0;

    /// <summary>
    /// Three-way ordering for sorting (as Python's <c>&lt;</c> would decide it); null when unordered
    /// (NaN). TypeError "'&lt;' not supported between instances of ..." for incomparable types.
    /// </summary>
    public static int? Compare(object? a, object? b) => CompareOp(a, b, "<");

    /// <summary>Python's <c>item in container</c>.</summary>
    public static bool Contains(object? container, object? item)
    {
        switch (container)
        {
            case string s:
                return item switch
                {
                    string t => PyString.Contains(s, t),
                    Markup m => PyString.Contains(s, m.Value),
                    _ => throw PythonError.TypeError($"'in <string>' requires string as left operand, not {TypeName(item)}"),
                };
            case Markup ms:
                return item switch
                {
                    string t => PyString.Contains(ms.Value, t),
                    Markup m => PyString.Contains(ms.Value, m.Value),
                    _ => throw PythonError.TypeError($"'in <string>' requires string as left operand, not {TypeName(item)}"),
                };
            case PyTuple t:
                foreach (var x in t)
                {
                    if (Identical(x, item) || Equal(x, item))
                    {
                        return true;
                    }
                }
                return false;
        }
        if (PyMapping.TryWrap(container, out var map))
        {
            CheckHashable(item);
            return map.ContainsKey(item);
        }
        if (container is IEnumerable e && !PyNumber.IsNumber(container))
        {
            foreach (var x in e)
            {
                if (Identical(x, item) || Equal(x, item))
                {
                    return true;
                }
            }
            return false;
        }
        throw PythonError.TypeError($"argument of type '{TypeName(container)}' is not iterable");
    }

    /// <summary>Python's truthiness: <c>None</c>, zero, empty strings and empty collections are false.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        double d => d != 0,
        Markup m => m.Value.Length > 0,
        ICollection c => c.Count > 0,
        PyTuple t => t.Count > 0,
        BigInteger big => !big.IsZero,
        int i => i != 0,
        decimal m => m != 0,
        float f => f != 0,
        _ when PyNumber.IsInt(value) => !PyNumber.ToBig(value).IsZero,
        _ when PyMapping.TryWrap(value, out var map) => map.Count > 0,
        IReadOnlyCollection<object?> rc => rc.Count > 0,
        _ => true,
    };

    /// <summary>Python's <c>type(x).__name__</c>: 'int', 'float', 'str', 'bool', 'NoneType', 'list', 'tuple', 'dict', 'Markup'.</summary>
    public static string TypeName(object? value)
    {
        switch (value)
        {
            case null: return "NoneType";
            case bool: return "bool";
            case string: return "str";
            case Markup: return "Markup";
            case PyTuple: return "tuple";
            case PyDict: return "dict";
            case PyDictView v: return v.TypeName;
            case PyIterator it: return it.TypeName;
        }
        if (PyNumber.IsInt(value))
        {
            return "int";
        }
        if (PyNumber.IsFloat(value))
        {
            return "float";
        }
        if (TypeNameHook?.Invoke(value) is { } hooked)
        {
            return hooked;
        }
        if (PyDateTime.TypeName(value) is { } date)
        {
            return date;
        }
        if (IsList(value))
        {
            return "list";
        }
        if (PyMapping.IsMapping(value))
        {
            return "dict";
        }
        var type = value.GetType();
        string name = type.Name;
        int tick = name.IndexOf('`');
        return tick >= 0 ? name[..tick] : name;
    }

    /// <summary>Whether <paramref name="value"/> is read as a Python list (a .NET <see cref="IList"/> that is not a tuple).</summary>
    public static bool IsList(object? value) => value is IList && value is not PyTuple;

    internal static bool Identical(object? a, object? b) =>
        ReferenceEquals(a, b) && a is not double;

    internal static void CheckHashable(object? key)
    {
        if (key is null || key is string || key is Markup || PyNumber.IsNumber(key))
        {
            return;
        }
        if (key is PyTuple t)
        {
            foreach (var item in t)
            {
                CheckHashable(item);
            }
            return;
        }
        if (IsList(key) || PyMapping.IsMapping(key))
        {
            throw PythonError.TypeError($"unhashable type: '{TypeName(key)}'");
        }
    }

    private static bool IsSequence(object? v) => v is string or Markup or PyTuple || IsList(v);

    private static object Repeat(object seq, object? count)
    {
        if (!PyNumber.IsInt(count))
        {
            throw PythonError.TypeError($"can't multiply sequence by non-int of type '{TypeName(count)}'");
        }
        BigInteger n = PyNumber.ToBig(count!);
        int len = seq switch
        {
            string s => s.Length,
            Markup m => m.Value.Length,
            PyTuple t => t.Count,
            IList l => l.Count,
            _ => 0,
        };
        if (n.Sign <= 0 || len == 0)
        {
            return seq switch
            {
                string => "",
                Markup => Markup.Empty,
                PyTuple => PyTuple.Empty,
                _ => new List<object?>(),
            };
        }
        if (n * len > MaxRepeatLength)
        {
            throw PythonError.Overflow("repeated sequence is too long");
        }
        int times = (int)n;
        switch (seq)
        {
            case string s:
                return RepeatString(s, times);
            case Markup m:
                return new Markup(RepeatString(m.Value, times));
            case PyTuple t:
                {
                    var items = new object?[t.Count * times];
                    for (int i = 0; i < times; i++)
                    {
                        t.AsSpan().CopyTo(items.AsSpan(i * t.Count));
                    }
                    return new PyTuple(items);
                }
            default:
                {
                    var l = (IList)seq;
                    var result = new List<object?>(l.Count * times);
                    for (int i = 0; i < times; i++)
                    {
                        foreach (var item in l)
                        {
                            result.Add(item);
                        }
                    }
                    return result;
                }
        }
    }

    private static string RepeatString(string s, int times)
    {
        var sb = new StringBuilder(s.Length * times);
        for (int i = 0; i < times; i++)
        {
            sb.Append(s);
        }
        return sb.ToString();
    }

    private static BigInteger BigFloorDiv(BigInteger x, BigInteger y, out BigInteger rem)
    {
        BigInteger q = BigInteger.DivRem(x, y, out rem);
        if (!rem.IsZero && ((rem.Sign < 0) != (y.Sign < 0)))
        {
            q -= 1;
            rem += y;
        }
        return q;
    }

    private static (double Div, double Mod) FloatDivMod(double vx, double wx)
    {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5)
            {
                floordiv += 1.0;
            }
        }
        else
        {
            floordiv = Math.CopySign(0.0, vx / wx);
        }
        return (floordiv, mod);
    }

    private static double FloatMod(double vx, double wx)
    {
        double mod = vx % wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }
        return mod;
    }

    private static double FloatPow(double x, double y)
    {
        if (y == 0)
        {
            return 1.0;
        }
        if (double.IsFinite(x) && double.IsFinite(y))
        {
            if (x == 0 && y < 0)
            {
                throw PythonError.ZeroDivision("0.0 cannot be raised to a negative power");
            }
            if (x < 0 && y != Math.Floor(y))
            {
                throw PythonError.ValueError("complex numbers are not supported: negative number raised to a fractional power");
            }
        }
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y))
        {
            throw PythonError.Overflow("(34, 'Numerical result out of range')");
        }
        return r;
    }

    private static bool EqualCore(object? a, object? b, int depth)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        if (a is long la && b is long lb)
        {
            return la == lb;
        }
        if (a is string sa)
        {
            return b is string sb ? sa == sb : b is Markup mb && sa == mb.Value;
        }
        if (PyNumber.IsNumber(a))
        {
            return PyNumber.IsNumber(b) && PyNumber.Compare(a, b) == 0;
        }
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is PyRange ra)
        {
            return b is PyRange rb && ra.SameItems(rb);
        }
        if (depth > MaxDepth)
        {
            throw new PythonError("RecursionError", "maximum recursion depth exceeded in comparison");
        }
        switch (a)
        {
            case Markup ma:
                return b is string s2 ? ma.Value == s2 : b is Markup m2 && ma.Value == m2.Value;
            case PyTuple ta:
                {
                    if (b is not PyTuple tb || ta.Count != tb.Count)
                    {
                        return false;
                    }
                    for (int i = 0; i < ta.Count; i++)
                    {
                        if (!Identical(ta[i], tb[i]) && !EqualCore(ta[i], tb[i], depth + 1))
                        {
                            return false;
                        }
                    }
                    return true;
                }
            case PyDictView va:
                return b is PyDictView vb && va.EqualsView(vb, depth);
        }
        if (IsList(a))
        {
            if (!IsList(b))
            {
                return false;
            }
            IList l1 = (IList)a, l2 = (IList)b;
            if (l1.Count != l2.Count)
            {
                return false;
            }
            for (int i = 0; i < l1.Count; i++)
            {
                if (!Identical(l1[i], l2[i]) && !EqualCore(l1[i], l2[i], depth + 1))
                {
                    return false;
                }
            }
            return true;
        }
        if (PyMapping.TryWrap(a, out var ma2))
        {
            if (!PyMapping.TryWrap(b, out var mb2) || ma2.Count != mb2.Count)
            {
                return false;
            }
            foreach (var kv in ma2.Pairs)
            {
                if (!mb2.TryGetValue(kv.Key, out var other) || !(Identical(kv.Value, other) || EqualCore(kv.Value, other, depth + 1)))
                {
                    return false;
                }
            }
            return true;
        }
        return a.Equals(b);
    }

    internal static bool EqualAtDepth(object? a, object? b, int depth) => EqualCore(a, b, depth);

    private static int? CompareOp(object? a, object? b, string op) => CompareCore(a, b, op, 0);

    private static int? CompareCore(object? a, object? b, string op, int depth)
    {
        if (a is long la && b is long lb)
        {
            return la.CompareTo(lb);
        }
        if (PyNumber.IsNumber(a) && PyNumber.IsNumber(b))
        {
            return PyNumber.Compare(a!, b!);
        }
        if (depth > MaxDepth)
        {
            throw new PythonError("RecursionError", "maximum recursion depth exceeded in comparison");
        }
        string? s1 = a switch { string s => s, Markup m => m.Value, _ => null };
        string? s2 = b switch { string s => s, Markup m => m.Value, _ => null };
        if (s1 is not null && s2 is not null)
        {
            return Math.Sign(PyString.CompareOrdinal(s1, s2));
        }
        if ((a is PyTuple && b is PyTuple) || (IsList(a) && IsList(b)))
        {
            var x = (IEnumerable)a!;
            var y = (IEnumerable)b!;
            var ex = x.GetEnumerator();
            var ey = y.GetEnumerator();
            while (true)
            {
                bool hx = ex.MoveNext(), hy = ey.MoveNext();
                if (!hx || !hy)
                {
                    return hx == hy ? 0 : hx ? 1 : -1;
                }
                object? ix = ex.Current, iy = ey.Current;
                if (Identical(ix, iy) || EqualCore(ix, iy, depth + 1))
                {
                    continue;
                }
                return CompareCore(ix, iy, op, depth + 1);
            }
        }
        // Other .NET values of one comparable type (dates, times, Guids) order as their Python counterparts do.
        if (a is IComparable ca && b is not null && a.GetType() == b.GetType() && !IsList(a) && !PyMapping.IsMapping(a))
        {
            return Math.Sign(ca.CompareTo(b));
        }
        throw PythonError.TypeError($"'{op}' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
    }

    private static PythonError Unsupported(string op, object? a, object? b) =>
        PythonError.TypeError($"unsupported operand type(s) for {op}: '{TypeName(a)}' and '{TypeName(b)}'");
}
