using System.Collections.Concurrent;
using System.Reflection;

namespace Flagon.Views;

/// <summary>
/// Flask's <c>flask.views.MethodView</c>: dispatches each request to the public method named after its HTTP method
/// (<c>Get</c>, <c>Post</c>, <c>Put</c>, <c>Delete</c>, <c>Patch</c>, <c>Head</c>, <c>Options</c>, <c>Trace</c>, or
/// the same with an <c>Async</c> suffix). Their parameters bind like route handlers' (rule variables by name, the
/// request, DI services). <see cref="View.Methods"/> defaults to the methods the class defines; HEAD falls back to Get.
/// </summary>
public abstract class MethodView : View
{
    private static readonly string[] _httpMethods = ["GET", "POST", "HEAD", "OPTIONS", "DELETE", "PUT", "TRACE", "PATCH"];
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<FlagonRequest, IDictionary<string, object?>?, ValueTask<object?>>>> _handlers = new();
    private static readonly object _instanceKey = new();

    /// <summary>The HTTP methods this class has a handler method for (Flask computes this when the class is created).</summary>
    public override IReadOnlyCollection<string>? Methods => HandlersOf(GetType()) is { Count: > 0 } handlers ? handlers.Keys.ToArray() : null;

    /// <summary>Calls the handler method for the request's method (<c>Get</c> for HEAD when there is no <c>Head</c>).</summary>
    public override async ValueTask<object?> DispatchRequestAsync(IDictionary<string, object?> viewArgs)
    {
        var request = Globals.Request;
        var handlers = HandlersOf(GetType());
        if (!handlers.TryGetValue(request.Method, out var handler) && !(request.Method == "HEAD" && handlers.TryGetValue("GET", out handler)))
        {
            throw new InvalidOperationException($"Unimplemented method '{request.Method}'");
        }

        var items = request.HttpContext.Items;
        items.TryGetValue(_instanceKey, out var previous);
        items[_instanceKey] = this;
        try
        {
            return await handler(request, viewArgs);
        }
        finally
        {
            items[_instanceKey] = previous;
        }
    }

    private static IReadOnlyDictionary<string, Func<FlagonRequest, IDictionary<string, object?>?, ValueTask<object?>>> HandlersOf(Type type)
        => _handlers.GetOrAdd(type, static t =>
        {
            var result = new Dictionary<string, Func<FlagonRequest, IDictionary<string, object?>?, ValueTask<object?>>>(StringComparer.Ordinal);
            var methods = t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.DeclaringType != typeof(MethodView) && typeof(MethodView).IsAssignableFrom(m.DeclaringType) && !m.IsSpecialName).ToList();
            foreach (var http in _httpMethods)
            {
                var pascal = http[0] + http[1..].ToLowerInvariant();
                var candidates = methods.Where(m => m.Name == pascal || m.Name == pascal + "Async").ToList();
                if (candidates.Count > 1)
                {
                    throw new InvalidOperationException($"'{t.Name}' has more than one handler for {http} ({string.Join(", ", candidates.Select(c => c.Name))}); keep one.");
                }

                if (candidates.Count == 1)
                {
                    result[http] = HandlerBinder.Compile(candidates[0], r => r.HttpContext.Items[_instanceKey], $"{t.Name}.{candidates[0].Name}");
                }
            }

            return result;
        });
}
