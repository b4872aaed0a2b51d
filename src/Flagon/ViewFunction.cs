using System.Reflection;

namespace Flagon;

/// <summary>
/// A registered handler (Flask's entry in <c>view_functions</c>): the delegate or method, bound once at
/// registration into a compiled invoker that takes its arguments from the route values, DI and the request.
/// </summary>
public sealed class ViewFunction
{
    private readonly Func<FlagonRequest, IDictionary<string, object?>?, ValueTask<object?>> _invoke;

    internal ViewFunction(string endpoint, MethodInfo method, object? identity, Func<FlagonRequest, IDictionary<string, object?>?, ValueTask<object?>> invoke)
    {
        Endpoint = endpoint;
        Method = method;
        Identity = identity;
        _invoke = invoke;
    }

    /// <summary>The endpoint name.</summary>
    public string Endpoint { get; }

    /// <summary>The method that handles the request.</summary>
    public MethodInfo Method { get; }

    internal object? Identity { get; }

    /// <summary>Calls the handler with <paramref name="viewArgs"/> and returns its (awaited) return value.</summary>
    public ValueTask<object?> InvokeAsync(FlagonRequest request, IDictionary<string, object?>? viewArgs) => _invoke(request, viewArgs);
}
