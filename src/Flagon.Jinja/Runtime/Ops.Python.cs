using System.Numerics;
using Flagon.Jinja.Python;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// Operators, comparisons and repr: Undefined operands are handled here (per undefined kind), then
/// everything goes to the Python layer (<see cref="PyOps"/>, <see cref="PyRepr"/>).
/// </summary>
internal static partial class Ops
{
    private static readonly Func<object, string?> StrHook = v => v switch
    {
        Undefined u => u.Render(),
        IJinjaRepr r when v is not TemplateModule => r.Repr(),
        _ => null,
    };

    private static readonly Func<object, string?> ReprHook = v => v switch
    {
        Undefined => "Undefined",
        IJinjaRepr r => r.Repr(),
        _ => null,
    };

    private static readonly Func<object, string?> TypeNameHook = v => v switch
    {
        Undefined u => u.GetType().Name,
        Macro => "Macro",
        LoopContext => "LoopContext",
        Namespace => "Namespace",
        PyRange => "range",
        TemplateModule => "TemplateModule",
        IJinjaCallable => "function",
        _ => null,
    };

    /// <summary>
    /// Installs the engine's str/repr/type-name hooks into the Python layer (the engine's own types:
    /// Undefined, Macro, loop…). Called when an environment is created and before each render, so a
    /// hook replaced elsewhere is put back.
    /// </summary>
    public static void EnsureInitialized()
    {
        if (!ReferenceEquals(PyRepr.StrHook, StrHook))
        {
            PyRepr.StrHook = StrHook;
        }
        if (!ReferenceEquals(PyRepr.ReprHook, ReprHook))
        {
            PyRepr.ReprHook = ReprHook;
        }
        if (!ReferenceEquals(PyOps.TypeNameHook, TypeNameHook))
        {
            PyOps.TypeNameHook = TypeNameHook;
        }
    }

    public static string TypeName(object? v) => PyOps.TypeName(v);

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

    public static object? Binary(string op, object? a, object? b)
    {
        if (op == "%" && a is string or Markup && b is Undefined)
        {
            return PyOps.Mod(a, new PyTuple(b));
        }
        CheckUndefined(a, b);
        a = ObjectAdapter.Normalize(a);
        b = ObjectAdapter.Normalize(b);
        return op switch
        {
            "+" => PyOps.Add(a, b),
            "-" => PyOps.Sub(a, b),
            "*" => PyOps.Mul(a, b),
            "/" => PyOps.TrueDiv(a, b),
            "//" => PyOps.FloorDiv(a, b),
            "%" => PyOps.Mod(a, b),
            "**" => PyOps.Pow(a, b),
            _ => throw new InvalidOperationException(op),
        };
    }

    public static object? Negate(object? v)
    {
        if (v is Undefined u)
        {
            throw u.Fail();
        }
        return PyOps.Neg(ObjectAdapter.Normalize(v));
    }

    public static object? Plus(object? v)
    {
        if (v is Undefined u)
        {
            throw u.Fail();
        }
        return PyOps.Pos(ObjectAdapter.Normalize(v));
    }

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
        return PyOps.Equal(ObjectAdapter.Normalize(a), ObjectAdapter.Normalize(b));
    }

    public static bool Compare(string op, object? a, object? b)
    {
        if (a is long or double && b is long or double && TryCompareNumbers(op, a, b, out bool numeric))
        {
            return numeric;
        }
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
        return op switch
        {
            "<" => PyOps.Less(a, b),
            "<=" => PyOps.LessEqual(a, b),
            ">" => PyOps.Greater(a, b),
            _ => PyOps.GreaterEqual(a, b),
        };
    }

    /// <summary>
    /// Comparisons of two ints or floats without the general dispatch: IEEE comparisons are Python's
    /// for floats (NaN compares false), and an int joins a float only when it converts exactly (|n| ≤ 2^53).
    /// </summary>
    private static bool TryCompareNumbers(string op, object a, object b, out bool result)
    {
        const long Exact = 1L << 53;
        double x, y;
        if (a is long la)
        {
            if (b is long lb)
            {
                result = op switch
                {
                    "<" => la < lb,
                    "<=" => la <= lb,
                    ">" => la > lb,
                    ">=" => la >= lb,
                    "==" => la == lb,
                    "!=" => la != lb,
                    _ => false,
                };
                return op is "<" or "<=" or ">" or ">=" or "==" or "!=";
            }
            if (la is < -Exact or > Exact)
            {
                result = false;
                return false;
            }
            x = la;
            y = (double)b;
        }
        else
        {
            x = (double)a;
            if (b is long lb)
            {
                if (lb is < -Exact or > Exact)
                {
                    result = false;
                    return false;
                }
                y = lb;
            }
            else
            {
                y = (double)b;
            }
        }
        switch (op)
        {
            case "<": result = x < y; return true;
            case "<=": result = x <= y; return true;
            case ">": result = x > y; return true;
            case ">=": result = x >= y; return true;
            case "==": result = x == y; return true;
            case "!=": result = x != y; return true;
            default: result = false; return false;
        }
    }

    /// <summary>Python ordering between two values for sorting (TypeError when they are not orderable).</summary>
    public static int Order(string op, object? a, object? b)
    {
        CheckUndefined(a, b);
        return PyOps.Compare(ObjectAdapter.Normalize(a), ObjectAdapter.Normalize(b)) ?? 0;
    }

    public static bool Contains(object? container, object? item)
    {
        if (container is Undefined u)
        {
            u.CheckIterable();
            return false;
        }
        if (item is Undefined ui && container is string or Markup)
        {
            throw ui.Fail();
        }
        container = ObjectAdapter.Normalize(container);
        if (container is PyRange r)
        {
            return item switch
            {
                long l => r.Contains(l),
                BigInteger big => r.Contains(big),
                bool b => r.Contains(b ? 1L : 0L),
                double d when double.IsFinite(d) && Math.Floor(d) == d => r.Contains(new BigInteger(d)),
                _ => false,
            };
        }
        return PyOps.Contains(container, ObjectAdapter.Normalize(item));
    }

    private static string PyStr(object v) => PyRepr.Str(ObjectAdapter.Normalize(v));

    private static string PyRepr_(object? v) => PyRepr.Repr(ObjectAdapter.Normalize(v));

    public static string StrRepr(string s) => PyRepr.ReprString(s);

    /// <summary>Python's <c>repr(float)</c>.</summary>
    public static string FloatRepr(double d) => PyFloat.Repr(d);
}

/// <summary>A runtime object with a Python-style repr.</summary>
internal interface IJinjaRepr
{
    string Repr();
}
