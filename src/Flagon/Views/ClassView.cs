using System.Reflection;

namespace Flagon.Views;

/// <summary>
/// A class-based view made routable by <see cref="View.AsView{T}"/> (Flask's generated view function with its
/// <c>view_class</c>, <c>methods</c> and <c>provide_automatic_options</c> attributes). Register it with
/// <c>app.AddUrlRule(rule, view)</c> or <c>blueprint.AddUrlRule(rule, view)</c>; one value may serve several rules.
/// </summary>
public sealed class ClassView
{
    internal ClassView(string name, Type viewType, IReadOnlyCollection<string>? methods, bool? provideAutomaticOptions, ViewHandler handler, MethodInfo method)
    {
        Name = name;
        ViewType = viewType;
        Methods = methods;
        ProvideAutomaticOptions = provideAutomaticOptions;
        Handler = handler;
        Method = method;
    }

    /// <summary>The name given to <c>AsView</c>: the default endpoint.</summary>
    public string Name { get; }

    /// <summary>The view class (Flask's <c>view_class</c>).</summary>
    public Type ViewType { get; }

    /// <summary>The methods the view accepts, or null for the default (GET).</summary>
    public IReadOnlyCollection<string>? Methods { get; }

    /// <summary>The class's <see cref="View.ProvideAutomaticOptions"/>.</summary>
    public bool? ProvideAutomaticOptions { get; }

    /// <summary>The generated view, with the class's decorators applied.</summary>
    public ViewHandler Handler { get; }

    internal MethodInfo Method { get; }

    internal ValueTask<object?> Invoke(FlagonRequest request, IDictionary<string, object?>? viewArgs)
        => Handler(viewArgs ?? new Dictionary<string, object?>(StringComparer.Ordinal));
}
