using Flagon.Exceptions;

namespace Flagon.Blueprints;

/// <summary>
/// The request hooks, URL callbacks, context processors and error handlers of one blueprint. The app keeps one
/// scope per registered blueprint name (Flask's dictionaries keyed by blueprint name) and runs the scopes of the
/// request's blueprints around the app's own.
/// </summary>
internal sealed class HookScope
{
    public List<Func<ValueTask<object?>>> BeforeRequest { get; } = [];

    public List<Func<Response, ValueTask<Response>>> AfterRequest { get; } = [];

    public List<Func<Exception?, ValueTask>> TeardownRequest { get; } = [];

    public List<Action<string?, IDictionary<string, object?>?>> UrlValuePreprocessors { get; } = [];

    public List<Action<string, IDictionary<string, object?>>> UrlDefaults { get; } = [];

    public List<Func<object?>> ContextProcessors { get; } = [];

    public Dictionary<int, Dictionary<Type, Func<Exception, ValueTask<object?>>>> CodeHandlers { get; } = [];

    public Dictionary<Type, Func<Exception, ValueTask<object?>>> ClassHandlers { get; } = [];

    /// <summary>Adds an error handler: by code for HTTP exception types with a code, else by class.</summary>
    public void AddErrorHandler(int? code, Type type, Func<Exception, ValueTask<object?>> handler)
    {
        if (code is int c)
        {
            if (!CodeHandlers.TryGetValue(c, out var map))
            {
                CodeHandlers[c] = map = [];
            }

            map[type] = handler;
        }
        else
        {
            ClassHandlers[type] = handler;
        }
    }

    /// <summary>The handler registered for <paramref name="code"/> (or, with null, by class) matching the exception's class or a base class.</summary>
    public Func<Exception, ValueTask<object?>>? Find(int? code, Type exceptionType)
    {
        Dictionary<Type, Func<Exception, ValueTask<object?>>>? map;
        if (code is int c)
        {
            if (!CodeHandlers.TryGetValue(c, out map))
            {
                return null;
            }
        }
        else
        {
            map = ClassHandlers;
        }

        if (map.Count == 0)
        {
            return null;
        }

        for (var t = exceptionType; t is not null; t = t.BaseType)
        {
            if (map.TryGetValue(t, out var handler))
            {
                return handler;
            }
        }

        return null;
    }

    /// <summary>The HTTP status code an exception type is registered under (null for non-HTTP exceptions).</summary>
    public static int? CodeOf(Type type) => HttpExceptions.CodeOf(type);
}
