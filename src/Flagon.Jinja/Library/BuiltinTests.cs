using System.Numerics;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Library;

/// <summary>Jinja2's built-in tests.</summary>
internal static class BuiltinTests
{
    public static void Register(FunctionRegistry t)
    {
        t["defined"] = (object? v) => v is not Undefined;
        t["undefined"] = (object? v) => v is Undefined;
        t["none"] = (object? v) => v is null;
        t["boolean"] = (object? v) => v is bool;
        t["true"] = (object? v) => v is true;
        t["false"] = (object? v) => v is false;
        t["integer"] = (object? v) => v is long or BigInteger;
        t["float"] = (object? v) => v is double;
        t["number"] = (object? v) => v is long or BigInteger or double or bool;
        t["string"] = (object? v) => v is string or Markup;
        t["mapping"] = (object? v) => v is PyDict || ObjectAdapter.IsMapping(v);
        // Undefined has __iter__ (iterable) and __len__/__getitem__ (sequence); iterators have neither len nor indexing.
        t["iterable"] = (object? v) => v is string or Markup or List<object?> or PyTuple or PyDict or PyRange or Undefined or System.Collections.IEnumerable;
        t["sequence"] = (object? v) => v is string or Markup or List<object?> or PyTuple or PyDict or PyRange or Undefined || ObjectAdapter.IsMapping(v) || (v is System.Collections.ICollection && v is not PyIterator);
        t["callable"] = (object? v) => v is Undefined || Ops.IsCallable(v);
        t["sameas"] = (object? v, object? other) => ReferenceEquals(v, other) || (v is null && other is null) || (v is bool a && other is bool b && a == b)
            || (v is string s1 && other is string s2 && s1 == s2) || (v is long l1 && other is long l2 && l1 == l2 && l1 is >= -5 and <= 256);
        t["escaped"] = (object? v) => v is Markup;
        t["even"] = (object? v) => Ops.Truthy(Ops.Binary("%", v, 2L)) == false;
        t["odd"] = (object? v) => Ops.Eq(Ops.Binary("%", v, 2L), 1L);
        t["divisibleby"] = (object? v, object? num) => Ops.Eq(Ops.Binary("%", v, num), 0L);
        Delegate eq = (object? a, object? b) => Ops.Eq(a, b);
        Delegate ne = (object? a, object? b) => !Ops.Eq(a, b);
        Delegate lt = (object? a, object? b) => Ops.Compare("<", a, b);
        Delegate le = (object? a, object? b) => Ops.Compare("<=", a, b);
        Delegate gt = (object? a, object? b) => Ops.Compare(">", a, b);
        Delegate ge = (object? a, object? b) => Ops.Compare(">=", a, b);
        foreach (var n in new[] { "eq", "equalto", "==" })
        {
            t[n] = eq;
        }
        foreach (var n in new[] { "ne", "!=" })
        {
            t[n] = ne;
        }
        foreach (var n in new[] { "lt", "lessthan", "<" })
        {
            t[n] = lt;
        }
        foreach (var n in new[] { "le", "<=" })
        {
            t[n] = le;
        }
        foreach (var n in new[] { "gt", "greaterthan", ">" })
        {
            t[n] = gt;
        }
        foreach (var n in new[] { "ge", ">=" })
        {
            t[n] = ge;
        }
        t["in"] = (object? v, object? seq) => Ops.Contains(seq, v);
        t["lower"] = (object? v) => PyStr.IsLower(Ops.Str(v));
        t["upper"] = (object? v) => PyStr.IsUpper(Ops.Str(v));
        t["filter"] = (EvalContext ctx, object? v) => v is string s && ctx.Environment.Filters.Contains(s);
        t["test"] = (EvalContext ctx, object? v) => v is string s && ctx.Environment.Tests.Contains(s);
    }
}
