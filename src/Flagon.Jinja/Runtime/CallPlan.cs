namespace Flagon.Jinja.Runtime;

/// <summary>
/// A call site's arguments bound once to a <see cref="JinjaFunction"/>'s parameters (see
/// <see cref="JinjaFunction.Plan"/>): supplied argument k fills parameter <see cref="ArgToParam"/>[k];
/// <see cref="Template"/> holds the defaults and the constants converted at compile time.
/// </summary>
internal sealed class CallPlan
{
    public CallPlan(JinjaFunction function, int[] argToParam, object?[] template, bool[] converted)
    {
        Function = function;
        ArgToParam = argToParam;
        Template = template;
        Converted = converted;
        Supplied = new bool[template.Length];
        foreach (int p in argToParam)
        {
            Supplied[p] = true;
        }
    }

    private CallPlan(CallPlan shape, object?[] template, bool[] converted)
    {
        Function = shape.Function;
        ArgToParam = shape.ArgToParam;
        Supplied = shape.Supplied;
        Template = template;
        Converted = converted;
    }

    public JinjaFunction Function { get; }

    public int[] ArgToParam { get; }

    public object?[] Template { get; }

    /// <summary>Parameters whose (constant) argument is already converted in <see cref="Template"/>.</summary>
    public bool[] Converted { get; }

    /// <summary>Parameters the call site supplies.</summary>
    public bool[] Supplied { get; }

    /// <summary>
    /// This plan with constant arguments already converted: <paramref name="converted"/> holds
    /// (parameter, converted value) pairs. The shape arrays are shared (a plan is never modified after
    /// it is made, so one per function and shape can serve every call site).
    /// </summary>
    public CallPlan WithConverted(ReadOnlySpan<(int Param, object? Value)> converted)
    {
        var template = (object?[])Template.Clone();
        var flags = (bool[])Converted.Clone();
        foreach (var (param, value) in converted)
        {
            template[param] = value;
            flags[param] = true;
        }
        return new CallPlan(this, template, flags);
    }

    /// <summary>A fresh argument array for one call.</summary>
    public object?[] NewValues()
    {
        var values = new object?[Template.Length];
        Template.CopyTo(values, 0);
        return values;
    }
}
