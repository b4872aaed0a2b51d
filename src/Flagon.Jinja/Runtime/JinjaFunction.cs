using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// A .NET delegate made callable with Jinja's convention, bound once: positional arguments, keyword
/// arguments by parameter name (C# <c>caseSensitive</c> also answers to <c>case_sensitive</c>), optional
/// parameters as defaults, a <c>params</c> array for extra positionals, a dictionary parameter named
/// <c>kwargs</c> for extra keywords, and injected <see cref="EvalContext"/> / <see cref="JinjaEnvironment"/>
/// parameters. Arguments are converted to the parameter types (string, numbers, bool, lists).
/// </summary>
public sealed class JinjaFunction : IJinjaCallable
{
    private enum Kind { Regular, Context, Environment, VarArgs, Kwargs }

    private sealed record Param(Kind Kind, string Name, string JinjaName, Type Type, bool HasDefault, object? Default, Func<object?, object?> Convert);

    private readonly Param[] _params;
    private readonly Func<object?[], object?>? _invoke;
    private readonly Func<EvalContext, object?[], IReadOnlyList<KeyValuePair<string, object?>>?, object?>? _raw;

    private JinjaFunction(string name, Func<EvalContext, object?[], IReadOnlyList<KeyValuePair<string, object?>>?, object?> raw)
    {
        Name = name;
        _params = [];
        _raw = raw;
    }

    private JinjaFunction(string name, Delegate target)
    {
        Name = name;
        var method = target.Method;
        var parameters = method.GetParameters();
        // Closed-over lambdas keep a Target; Invoke handles both.
        _params = parameters.Select(p =>
        {
            var kind = p.ParameterType == typeof(EvalContext) ? Kind.Context
                : p.ParameterType == typeof(JinjaEnvironment) ? Kind.Environment
                : p.GetCustomAttribute<ParamArrayAttribute>() is not null ? Kind.VarArgs
                : p.Name == "kwargs" && IsKwargsType(p.ParameterType) ? Kind.Kwargs
                : Kind.Regular;
            var elementType = kind == Kind.VarArgs ? p.ParameterType.GetElementType()! : p.ParameterType;
            return new Param(kind, p.Name ?? "arg", ToSnake(p.Name ?? "arg"), p.ParameterType, p.HasDefaultValue, p.HasDefaultValue ? p.DefaultValue : null, Converter(elementType));
        }).ToArray();
        var arr = Expression.Parameter(typeof(object?[]), "a");
        var callArgs = parameters.Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(arr, Expression.Constant(i)), p.ParameterType)).ToArray();
        Expression call = Expression.Invoke(Expression.Constant(target), callArgs);
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(null, typeof(object)))
            : Expression.Convert(call, typeof(object));
        _invoke = Expression.Lambda<Func<object?[], object?>>(body, arr).Compile();
        if (_params.Length == 1 && _params[0].Kind == Kind.Regular && _params[0].Type == typeof(object)
            && target is Func<object?, object?> unary)
        {
            _unary = unary;
        }
    }

    private readonly Func<object?, object?>? _unary;

    /// <summary>Whether this is a delegate of one <c>object?</c> parameter returning a reference, callable by <see cref="InvokeUnary"/>.</summary>
    internal bool IsUnary => _unary is not null;

    /// <summary>
    /// Calls a one-parameter function (<see cref="IsUnary"/>) with its argument: no argument array, no
    /// conversion (the parameter takes any value), the same result normalisation and error wrapping as a call.
    /// </summary>
    internal object? InvokeUnary(object? value)
    {
        try
        {
            return ObjectAdapter.Normalize(_unary!(value));
        }
        catch (Exception e) when (e is not (TemplateError or OutOfMemoryException or InsufficientExecutionStackException))
        {
            throw Failed(e);
        }
    }

    /// <summary>The name used in error messages.</summary>
    public string Name { get; }

    /// <summary>Binds a delegate once; the result is called by templates without further reflection.</summary>
    public static JinjaFunction FromDelegate(string name, Delegate target) => new(name, target);

    /// <summary>A function that receives the raw Jinja arguments (fastest; no conversion or binding).</summary>
    public static JinjaFunction Raw(string name, Func<EvalContext, object?[], IReadOnlyList<KeyValuePair<string, object?>>?, object?> body) => new(name, body);

    private static readonly ConditionalWeakTable<Delegate, JinjaFunction> DelegateCache = new();

    internal static JinjaFunction ForDelegate(Delegate d) => DelegateCache.GetValue(d, x => new JinjaFunction(x.Method.Name, x));

    private static bool IsKwargsType(Type t) =>
        t == typeof(IDictionary<string, object?>) || t == typeof(IReadOnlyDictionary<string, object?>)
        || t == typeof(Dictionary<string, object?>) || t == typeof(PyDict);

    private static string ToSnake(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public object? Call(EvalContext context, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        if (_raw is not null)
        {
            return _raw(context, args, kwargs);
        }
        var values = new object?[_params.Length];
        int pos = 0;
        int usedKw = 0;
        bool hasVarArgs = false;
        bool hasKwargs = false;
        for (int i = 0; i < _params.Length; i++)
        {
            var p = _params[i];
            switch (p.Kind)
            {
                case Kind.Context:
                    values[i] = context;
                    break;
                case Kind.Environment:
                    values[i] = context.Environment;
                    break;
                case Kind.VarArgs:
                    {
                        hasVarArgs = true;
                        var elementType = p.Type.GetElementType()!;
                        int n = Math.Max(0, args.Length - pos);
                        var arr = Array.CreateInstance(elementType, n);
                        for (int j = 0; j < n; j++)
                        {
                            arr.SetValue(p.Convert(args[pos + j]), j);
                        }
                        pos = args.Length;
                        values[i] = arr;
                        break;
                    }
                case Kind.Kwargs:
                    hasKwargs = true;
                    break;
                default:
                    {
                        object? kw = null;
                        bool haveKw = false;
                        if (kwargs is not null)
                        {
                            foreach (var kv in kwargs)
                            {
                                if (kv.Key == p.JinjaName || kv.Key == p.Name)
                                {
                                    kw = kv.Value;
                                    haveKw = true;
                                    usedKw++;
                                    break;
                                }
                            }
                        }
                        if (pos < args.Length)
                        {
                            if (haveKw)
                            {
                                throw PythonError.TypeError($"{Name}() got multiple values for argument '{p.JinjaName}'");
                            }
                            values[i] = Convert(p, args[pos++]);
                        }
                        else if (haveKw)
                        {
                            values[i] = Convert(p, kw);
                        }
                        else if (p.HasDefault)
                        {
                            values[i] = p.Default ?? (p.Type.IsValueType && Nullable.GetUnderlyingType(p.Type) is null ? Activator.CreateInstance(p.Type) : null);
                        }
                        else
                        {
                            throw PythonError.TypeError($"{Name}() missing 1 required positional argument: '{p.JinjaName}'");
                        }
                        break;
                    }
            }
        }
        if (!hasVarArgs && pos < args.Length)
        {
            int max = _params.Count(p => p.Kind == Kind.Regular);
            throw PythonError.TypeError($"{Name}() takes {max} positional argument{(max == 1 ? "" : "s")} but {args.Length} were given");
        }
        if (kwargs is not null && usedKw < kwargs.Count)
        {
            var extra = kwargs.Where(kv => !_params.Any(p => p.Kind == Kind.Regular && (p.JinjaName == kv.Key || p.Name == kv.Key))).ToList();
            if (hasKwargs)
            {
                int k = Array.FindIndex(_params, p => p.Kind == Kind.Kwargs);
                var dict = new Dictionary<string, object?>();
                foreach (var kv in extra)
                {
                    dict[kv.Key] = kv.Value;
                }
                values[k] = _params[k].Type == typeof(PyDict) ? new PyDict(extra.Select(kv => new KeyValuePair<object, object?>(kv.Key, kv.Value))) : dict;
            }
            else if (extra.Count > 0)
            {
                throw PythonError.TypeError($"{Name}() got an unexpected keyword argument '{extra[0].Key}'");
            }
        }
        else if (hasKwargs)
        {
            int k = Array.FindIndex(_params, p => p.Kind == Kind.Kwargs);
            values[k] = _params[k].Type == typeof(PyDict) ? new PyDict() : new Dictionary<string, object?>();
        }
        return InvokeCore(values);
    }

    /// <summary>
    /// Binds a call site's shape once (how many positionals, which keyword names) to this function's
    /// parameters, so that each call fills one argument array in place instead of building the
    /// positional array and keyword list and matching names per call. Null when the shape needs the
    /// general path (raw functions, <c>params</c>/<c>kwargs</c> parameters, or a shape that fails to
    /// bind, whose error the general path reports).
    /// </summary>
    internal CallPlan? Plan(int positional, IReadOnlyList<string> keywords)
    {
        if (keywords.Count > 0)
        {
            return MakePlan(positional, keywords);
        }
        // Plans without keywords are shared per positional count (plans are never modified).
        var cache = _plans;
        if (cache is not null && positional < cache.Length && cache[positional] is { } cached)
        {
            return cached == NoPlan ? null : cached;
        }
        var plan = MakePlan(positional, keywords);
        if (positional < MaxCachedPlans)
        {
            if (cache is null || positional >= cache.Length)
            {
                var grown = new CallPlan?[Math.Min(MaxCachedPlans, Math.Max(positional + 1, 4))];
                cache?.CopyTo(grown, 0);
                cache = grown;
            }
            cache[positional] = plan ?? NoPlan;
            _plans = cache;
        }
        return plan;
    }

    private const int MaxCachedPlans = 8;

    /// <summary>Marks a positional count that has no plan in <see cref="_plans"/>.</summary>
    private static readonly CallPlan NoPlan = new(Raw("", static (_, _, _) => null), [], [], []);

    /// <summary>Plans for calls with 0..7 positional arguments and no keywords (null: not made yet).</summary>
    private CallPlan?[]? _plans;

    private CallPlan? MakePlan(int positional, IReadOnlyList<string> keywords)
    {
        if (_raw is not null)
        {
            return null;
        }
        foreach (var p in _params)
        {
            if (p.Kind is Kind.VarArgs or Kind.Kwargs)
            {
                return null;
            }
        }
        var argToParam = new int[positional + keywords.Count];
        var filled = new bool[_params.Length];
        int pos = 0;
        for (int i = 0; i < _params.Length && pos < positional; i++)
        {
            if (_params[i].Kind == Kind.Regular)
            {
                argToParam[pos++] = i;
                filled[i] = true;
            }
        }
        if (pos < positional)
        {
            return null;
        }
        for (int k = 0; k < keywords.Count; k++)
        {
            int index = Array.FindIndex(_params, p => p.Kind == Kind.Regular && (p.JinjaName == keywords[k] || p.Name == keywords[k]));
            if (index < 0 || filled[index] || keywords.Take(k).Contains(keywords[k]))
            {
                return null;
            }
            argToParam[positional + k] = index;
            filled[index] = true;
        }
        var template = new object?[_params.Length];
        for (int i = 0; i < _params.Length; i++)
        {
            var p = _params[i];
            if (p.Kind == Kind.Regular && !filled[i])
            {
                if (!p.HasDefault)
                {
                    return null;
                }
                template[i] = p.Default ?? (p.Type.IsValueType && Nullable.GetUnderlyingType(p.Type) is null ? Activator.CreateInstance(p.Type) : null);
            }
        }
        return new CallPlan(this, argToParam, template, new bool[_params.Length]);
    }

    /// <summary>Converts a constant argument once, at compile time; false when it must be converted per call.</summary>
    internal bool TryPreconvert(CallPlan plan, int arg, object? value, out int param, out object? converted)
    {
        param = plan.ArgToParam[arg];
        try
        {
            converted = _params[param].Convert(value);
            return true;
        }
        catch (Exception)
        {
            converted = null;
            return false;
        }
    }

    /// <summary>Calls through a plan: <paramref name="values"/> (a copy of the plan's template) holds the
    /// supplied arguments, unconverted, at their parameters' positions.</summary>
    internal object? Invoke(CallPlan plan, EvalContext context, object?[] values)
    {
        var converted = plan.Converted;
        for (int i = 0; i < _params.Length; i++)
        {
            var p = _params[i];
            switch (p.Kind)
            {
                case Kind.Context:
                    values[i] = context;
                    break;
                case Kind.Environment:
                    values[i] = context.Environment;
                    break;
                default:
                    if (plan.Supplied[i] && !converted[i])
                    {
                        values[i] = Convert(p, values[i]);
                    }
                    break;
            }
        }
        return InvokeCore(values);
    }

    /// <summary>What a failed call raises: a template error thrown inside (e.g. through reflection) as itself, anything else as a TemplateRuntimeError naming the function.</summary>
    private Exception Failed(Exception e)
    {
        if (e.InnerException is TemplateError inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
        }
        return new TemplateRuntimeError($"{Name}() failed: {e.Message}", e);
    }

    private object? InvokeCore(object?[] values)
    {
        try
        {
            return ObjectAdapter.Normalize(_invoke!(values));
        }
        catch (Exception e) when (e is not (TemplateError or OutOfMemoryException or InsufficientExecutionStackException))
        {
            throw Failed(e);
        }
    }

    private object? Convert(Param p, object? value)
    {
        try
        {
            return p.Convert(value);
        }
        catch (TemplateError)
        {
            throw;
        }
        catch (Exception)
        {
            throw PythonError.TypeError($"{Name}(): argument '{p.JinjaName}' expects {p.Type.Name}, got '{Ops.TypeName(value)}'");
        }
    }

    private static Func<object?, object?> Converter(Type t)
    {
        var underlying = Nullable.GetUnderlyingType(t);
        if (underlying is not null)
        {
            var inner = Converter(underlying);
            return v => v is null ? null : inner(v);
        }
        if (t == typeof(object))
        {
            return v => v;
        }
        if (t == typeof(string))
        {
            return v => v is null ? null : Ops.Str(v);
        }
        if (t == typeof(Markup))
        {
            return v => v as Markup ?? new Markup(Ops.Str(v));
        }
        if (t == typeof(bool))
        {
            return v => Ops.Truthy(v);
        }
        if (t == typeof(long) || t == typeof(int) || t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(short) || t == typeof(BigInteger))
        {
            return v =>
            {
                v = ObjectAdapter.Normalize(v);
                if (v is Undefined u)
                {
                    throw u.Fail();
                }
                if (t == typeof(BigInteger))
                {
                    return v is BigInteger b ? b : v is double d ? new BigInteger(d) : new BigInteger(System.Convert.ToInt64(v, CultureInfo.InvariantCulture));
                }
                if (v is bool bb)
                {
                    v = bb ? 1L : 0L;
                }
                if (v is not (long or double or BigInteger))
                {
                    throw new InvalidCastException();
                }
                return System.Convert.ChangeType(v is BigInteger big ? (double)big : v, t, CultureInfo.InvariantCulture);
            };
        }
        if (t == typeof(IEnumerable<object?>) || t == typeof(IReadOnlyList<object?>) || t == typeof(IList<object?>) || t == typeof(List<object?>) || t == typeof(IEnumerable))
        {
            return v => v is List<object?> l ? l : Ops.Iterate(v).ToList();
        }
        return v => v is null || t.IsInstanceOfType(v) ? v : System.Convert.ChangeType(v, t, CultureInfo.InvariantCulture);
    }
}
