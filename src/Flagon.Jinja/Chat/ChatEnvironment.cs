using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;
using Flagon.Jinja.Sandbox;

namespace Flagon.Jinja.Chat;

/// <summary>
/// The environment Hugging Face transformers compiles chat templates in
/// (<c>_compile_jinja_template</c>): trim_blocks and lstrip_blocks on, autoescape off, loop controls,
/// the <c>{% generation %}</c> tag, <c>tojson</c> as <c>json.dumps</c>, <c>raise_exception</c> and
/// <c>strftime_now</c>.
/// </summary>
internal static class ChatEnvironment
{
    /// <summary>The clock <c>strftime_now</c> reads during the current render (the system clock when null).</summary>
    internal static readonly AsyncLocal<TimeProvider?> Clock = new();

    /// <summary>A fresh environment configured as transformers configures it (one per template, as transformers does).</summary>
    public static JinjaEnvironment Create()
    {
        var env = NewEnvironment();
        env.Filters.Add("tojson", JinjaFunction.Raw("tojson", ToJson));
        env.Globals["raise_exception"] = JinjaFunction.Raw("raise_exception", RaiseException);
        env.Globals["strftime_now"] = JinjaFunction.Raw("strftime_now", StrftimeNow);
        return env;
    }

    /// <summary>The one place that picks the environment class: the immutable sandbox, as in transformers.</summary>
    private static JinjaEnvironment NewEnvironment() => new ImmutableSandboxedEnvironment
    {
        TrimBlocks = true,
        LstripBlocks = true,
        Extensions = JinjaExtensions.LoopControls | JinjaExtensions.Generation,
    };

    /// <summary>transformers' <c>tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)</c>.</summary>
    private static object? ToJson(EvalContext ctx, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        string[] names = ["x", "ensure_ascii", "indent", "separators", "sort_keys"];
        var values = new object?[] { null, false, null, null, false };
        var given = new bool[names.Length];
        if (args.Length > names.Length)
        {
            throw PythonError.TypeError($"tojson() takes from 1 to 5 positional arguments but {args.Length} were given");
        }
        for (int i = 0; i < args.Length; i++)
        {
            values[i] = args[i];
            given[i] = true;
        }
        foreach (var (name, value) in kwargs ?? [])
        {
            int index = Array.IndexOf(names, name);
            if (index < 0)
            {
                throw PythonError.TypeError($"tojson() got an unexpected keyword argument '{name}'");
            }
            if (given[index])
            {
                throw PythonError.TypeError($"tojson() got multiple values for argument '{name}'");
            }
            values[index] = value;
            given[index] = true;
        }
        if (!given[0])
        {
            throw PythonError.TypeError("tojson() missing 1 required positional argument: 'x'");
        }
        (string, string)? separators = null;
        if (values[3] is not null)
        {
            var parts = Ops.ToList(values[3]);
            if (parts.Count != 2)
            {
                throw PythonError.ValueError($"{(parts.Count > 2 ? "too many values to unpack" : "not enough values to unpack")} (expected 2, got {parts.Count})");
            }
            separators = (Ops.Str(parts[0]), Ops.Str(parts[1]));
        }
        object? indent = values[2] is bool b ? (b ? 1L : 0L) : values[2];
        return PyJson.Dumps(values[0], sortKeys: Ops.Truthy(values[4]), indent: indent, separators: separators, ensureAscii: Ops.Truthy(values[1]));
    }

    /// <summary><c>raise_exception(message)</c>: a <see cref="TemplateError"/> with that message.</summary>
    private static object? RaiseException(EvalContext ctx, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        object? message = args.Length == 1 && kwargs is not { Count: > 0 } ? args[0]
            : args.Length == 0 && kwargs is [{ Key: "message" } kw] ? kw.Value
            : throw PythonError.TypeError("raise_exception() takes 1 positional argument: 'message'");
        throw new TemplateError(Ops.Str(message));
    }

    /// <summary><c>strftime_now(format)</c>: <c>datetime.now().strftime(format)</c> on the render's clock, local time.</summary>
    private static object? StrftimeNow(EvalContext ctx, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        object? format = args.Length == 1 && kwargs is not { Count: > 0 } ? args[0]
            : args.Length == 0 && kwargs is [{ Key: "format" } kw] ? kw.Value
            : throw PythonError.TypeError("strftime_now() takes 1 positional argument: 'format'");
        if (format is not (string or Markup))
        {
            throw PythonError.TypeError($"strftime() argument 1 must be str, not {Ops.TypeName(format)}");
        }
        var clock = Clock.Value ?? TimeProvider.System;
        return PyStrftime.Format(clock.GetLocalNow().DateTime, Ops.Str(format));
    }
}
