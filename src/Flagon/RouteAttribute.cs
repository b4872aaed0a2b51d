namespace Flagon;

/// <summary>
/// Marks a method of a class as a handler for a Werkzeug rule, for <c>app.Register&lt;T&gt;()</c> (the attribute
/// form of <c>@app.route</c>). Repeat it to give one method several rules.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RouteAttribute : Attribute
{
    /// <summary>Routes <paramref name="rule"/> to the method.</summary>
    public RouteAttribute(string rule)
    {
        Rule = rule;
    }

    /// <summary>The rule, e.g. <c>/user/&lt;int:id&gt;</c>.</summary>
    public string Rule { get; }

    /// <summary>The accepted methods (GET when empty).</summary>
    public string[]? Methods { get; set; }

    /// <summary>The endpoint name (the method's name when empty).</summary>
    public string? Endpoint { get; set; }
}
