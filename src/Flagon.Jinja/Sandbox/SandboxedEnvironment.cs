using System.Numerics;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Sandbox;

/// <summary>
/// Jinja2's <c>SandboxedEnvironment</c>: an environment for untrusted templates. Templates may read
/// data (public properties, fields, indexers, the Python-style methods of strings, lists and dicts) and
/// call what the application registered; attributes starting with <c>_</c>, .NET reflection, delegates
/// found in data, process, file, thread and service objects are refused with <see cref="SecurityError"/>,
/// <c>range</c> is bounded by <see cref="MaxRange"/> and <c>*</c>/<c>**</c> by <see cref="MaxRepetition"/>
/// and <see cref="MaxIntegerBits"/>. Widen the policy on purpose by overriding <see cref="IsSafeAttribute"/>,
/// <see cref="IsSafeCallable"/> or <see cref="CallBinop"/>, or by registering filters and globals.
/// </summary>
public class SandboxedEnvironment : JinjaEnvironment
{
    /// <summary>Jinja2's <c>MAX_RANGE</c>: the default for <see cref="MaxRange"/>.</summary>
    public const int DefaultMaxRange = 100_000;

    private static readonly IReadOnlySet<string> DefaultBinops = new HashSet<string>(StringComparer.Ordinal) { "*", "**" };
    private static readonly IReadOnlySet<string> NoUnops = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Creates a sandboxed environment with Jinja2's defaults; <c>range</c> is replaced by the bounded one.</summary>
    public SandboxedEnvironment()
    {
        var range = GlobalsInternal["range"] as IJinjaCallable;
        GlobalsInternal["range"] = JinjaFunction.Raw("range", (ctx, args, kwargs) => SafeRange(range, ctx, args, kwargs));
    }

    /// <summary>The most items <c>range</c> may produce (Jinja2's <c>MAX_RANGE</c>, 100000); more raises <c>OverflowError</c>.</summary>
    public int MaxRange { get; set; } = DefaultMaxRange;

    /// <summary>The longest string, list or tuple that <c>*</c> may build (items or code points); longer raises <see cref="SecurityError"/>.</summary>
    public long MaxRepetition { get; set; } = DefaultMaxRange;

    /// <summary>The largest integer (in bits) that <c>*</c> and <c>**</c> may build; larger raises <see cref="SecurityError"/>.</summary>
    public long MaxIntegerBits { get; set; } = 100_000;

    /// <summary>
    /// Jinja2's <c>intercepted_binops</c>: the binary operators compiled as calls to <see cref="CallBinop"/>
    /// (read when a template is compiled). By default <c>*</c> and <c>**</c>, to bound their results.
    /// </summary>
    public virtual IReadOnlySet<string> InterceptedBinops => DefaultBinops;

    /// <summary>Jinja2's <c>intercepted_unops</c>: the unary operators (<c>-</c>, <c>+</c>) compiled as calls to <see cref="CallUnop"/>; none by default.</summary>
    public virtual IReadOnlySet<string> InterceptedUnops => NoUnops;

    /// <summary>
    /// Jinja2's <c>is_safe_attribute</c>: whether a template may see <paramref name="value"/>, read as
    /// <paramref name="attribute"/> of <paramref name="obj"/>. Refuses names starting with <c>_</c> and
    /// reflection, delegate, process, file, thread and service objects on either side.
    /// </summary>
    public virtual bool IsSafeAttribute(object obj, string attribute, object? value) =>
        !attribute.StartsWith('_') && !UnsafeTypes.IsUnsafe(obj) && !UnsafeTypes.IsUnsafe(value);

    /// <summary>
    /// Jinja2's <c>is_safe_callable</c>: whether a template may call <paramref name="obj"/>. Delegates
    /// are refused unless the application registered them (a global or a top-level render variable:
    /// those are always callable); the engine's own callables (macros, methods, built-ins) are safe.
    /// </summary>
    public virtual bool IsSafeCallable(object obj) => obj is not Delegate && !UnsafeTypes.IsUnsafe(obj);

    /// <summary>
    /// Jinja2's <c>call_binop</c>: runs an intercepted binary operator. The default bounds sequence
    /// repetition (<see cref="MaxRepetition"/>) and integer products and powers (<see cref="MaxIntegerBits"/>).
    /// </summary>
    public virtual object? CallBinop(EvalContext context, string op, object? left, object? right)
    {
        if (op is "*" or "**")
        {
            CheckBounds(op, ObjectAdapter.Normalize(left), ObjectAdapter.Normalize(right));
        }
        return Ops.Binary(op, left, right);
    }

    /// <summary>Jinja2's <c>call_unop</c>: runs an intercepted unary operator (<c>-</c> or <c>+</c>).</summary>
    public virtual object? CallUnop(EvalContext context, string op, object? operand) =>
        op == "-" ? Ops.Negate(operand) : Ops.Plus(operand);

    /// <summary>Jinja2's <c>unsafe_undefined</c>: the value an unsafe attribute reads as; using it raises <see cref="SecurityError"/>.</summary>
    public Runtime.Undefined UnsafeUndefined(object? obj, string attribute)
    {
        var u = Runtime.Undefined.Create(Undefined,
            hint: $"access to attribute {PyRepr.ReprString(attribute)} of {PyRepr.ReprString(Ops.TypeName(obj))} object is unsafe.",
            obj: obj, name: attribute, hasObject: true);
        u.RaisesSecurityError = true;
        return u;
    }

    /// <summary>Jinja2's sandboxed <c>getattr</c> (<c>obj.name</c>): attribute first (checked), then item.</summary>
    public virtual object? GetAttribute(EvalContext context, object? obj, string attribute)
    {
        if (obj is Runtime.Undefined u)
        {
            return u.Lookup(attribute);
        }
        if (Ops.TryGetAttribute(obj, attribute, out var value))
        {
            return obj is null || IsSafeAttribute(obj, attribute, value) ? value : UnsafeUndefined(obj, attribute);
        }
        if (Ops.TryGetItem(obj, attribute, out value))
        {
            return UnsafeTypes.IsUnsafe(value) ? UnsafeUndefined(obj, attribute) : value;
        }
        return Missing(context, obj, attribute);
    }

    /// <summary>
    /// The value of an attribute the template cannot read: Python objects always have dunder names
    /// (<c>__class__</c>, <c>__init__</c>…) and .NET objects have members templates never see (methods
    /// such as <c>GetType</c>, static and non-public members): those read as <see cref="UnsafeUndefined"/>,
    /// anything else as the environment's plain undefined.
    /// </summary>
    internal Runtime.Undefined Missing(EvalContext context, object? obj, string attribute) =>
        obj is not (null or Runtime.Undefined) && (attribute.Length > 4 && attribute.StartsWith("__", StringComparison.Ordinal) && attribute.EndsWith("__", StringComparison.Ordinal)
            || UnsafeTypes.HasHiddenMember(obj, attribute))
            ? UnsafeUndefined(obj, attribute)
            : context.Undefined(obj: obj, name: attribute, hasObject: true);

    /// <summary>Jinja2's sandboxed <c>getitem</c> (<c>obj[key]</c>): item first, then (string keys) the checked attribute.</summary>
    public virtual object? GetItem(EvalContext context, object? obj, object? key)
    {
        if (obj is Runtime.Undefined u)
        {
            return u.Lookup(key);
        }
        if (key is StrictUndefined su)
        {
            throw su.Fail();
        }
        if (key is PySlice slice)
        {
            return Ops.Slice(obj, slice);
        }
        if (Ops.TryGetItem(obj, key, out var value))
        {
            return UnsafeTypes.IsUnsafe(value) ? UnsafeUndefined(obj, Ops.Str(key)) : value;
        }
        if (key is string s && Ops.TryGetAttribute(obj, s, out value))
        {
            return obj is null || IsSafeAttribute(obj, s, value) ? value : UnsafeUndefined(obj, s);
        }
        return key is string name ? Missing(context, obj, name) : context.Undefined(obj: obj, name: key, hasObject: true);
    }

    /// <summary>The sandbox's check before a call: raises <see cref="SecurityError"/> when <paramref name="callee"/> may not be called.</summary>
    internal void CheckCall(EvalContext context, object? callee)
    {
        if (callee is null || callee is Runtime.Undefined)
        {
            return;
        }
        if (callee is Delegate d && IsRegistered(context, d))
        {
            return;
        }
        if (!IsSafeCallable(callee))
        {
            throw new SecurityError($"{Ops.Repr(callee)} is not safely callable");
        }
    }

    private bool IsRegistered(EvalContext context, Delegate d)
    {
        foreach (var v in GlobalsInternal.Values)
        {
            if (ReferenceEquals(v, d))
            {
                return true;
            }
        }
        return context.Render?.Shared.RegisteredCallables?.Contains(d) == true;
    }

    private void CheckBounds(string op, object? a, object? b)
    {
        if (op == "*")
        {
            if (SequenceLength(a) is long la && Count(b) is long nb)
            {
                CheckRepetition(la, nb);
            }
            else if (SequenceLength(b) is long lb && Count(a) is long na)
            {
                CheckRepetition(lb, na);
            }
            else if (Log2(a) is double ba && Log2(b) is double bb && ba + bb > MaxIntegerBits)
            {
                throw new SecurityError($"Integer too big. The sandbox blocks products larger than {MaxIntegerBits} bits.");
            }
            return;
        }
        if (Log2(a) is double bits && Count(b) is long exp && exp > 0 && bits * exp > MaxIntegerBits)
        {
            throw new SecurityError($"Integer too big. The sandbox blocks powers larger than {MaxIntegerBits} bits.");
        }
    }

    private void CheckRepetition(long length, long times)
    {
        if (length > 0 && times > 0 && (double)length * times > MaxRepetition)
        {
            throw new SecurityError($"Repetition too big. The sandbox blocks sequences longer than {MaxRepetition} items.");
        }
    }

    private static long? SequenceLength(object? v) => v switch
    {
        string s => s.Length,
        Markup m => m.Value.Length,
        List<object?> l => l.Count,
        PyTuple t => t.Count,
        _ => null,
    };

    private static long? Count(object? v) => v switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        BigInteger big => big > long.MaxValue ? long.MaxValue : big < long.MinValue ? long.MinValue : (long)big,
        _ => null,
    };

    // log2 of an integer's magnitude (0 for 0 and ±1): its result size in bits when multiplied or raised.
    private static double? Log2(object? v) => v switch
    {
        long l => l is 0 or 1 or -1 ? 0 : BigInteger.Log(BigInteger.Abs(l), 2),
        bool => 0,
        BigInteger big => big.IsZero || BigInteger.Abs(big).IsOne ? 0 : BigInteger.Log(BigInteger.Abs(big), 2),
        _ => null,
    };

    private object? SafeRange(IJinjaCallable? inner, EvalContext ctx, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        if (kwargs is not { Count: > 0 } && args.Length is >= 1 and <= 3 && Array.TrueForAll(args, a => ObjectAdapter.Normalize(a) is long or bool))
        {
            var n = args.Select(a => ObjectAdapter.Normalize(a) switch { bool b => b ? 1L : 0L, var o => (long)o! }).ToArray();
            var (start, stop, step) = n.Length switch
            {
                1 => (0L, n[0], 1L),
                2 => (n[0], n[1], 1L),
                _ => (n[0], n[1], n[2]),
            };
            if (step != 0)
            {
                var length = step > 0
                    ? ((BigInteger)stop - start + step - 1) / step
                    : ((BigInteger)start - stop - step - 1) / -step;
                if (length > MaxRange)
                {
                    throw PythonError.Overflow($"Range too big. The sandbox blocks ranges larger than MAX_RANGE ({MaxRange}).");
                }
            }
        }
        if (inner is null)
        {
            throw PythonError.TypeError("'range' is not available");
        }
        return inner.Call(ctx, args, kwargs);
    }
}
