using System.Reflection;

namespace Flagon.Views;

/// <summary>
/// Flask's <c>flask.views.View</c>: a class-based view. Override <see cref="DispatchRequest"/> (or
/// <see cref="DispatchRequestAsync"/>), then route it with <c>app.AddUrlRule("/x", View.AsView&lt;MyView&gt;("name"))</c>.
/// The class-level settings (<see cref="Methods"/>, <see cref="Decorators"/>, <see cref="InitEveryRequest"/>,
/// <see cref="ProvideAutomaticOptions"/>) are read once, when <see cref="AsView{T}"/> runs.
/// </summary>
public abstract class View
{
    /// <summary>The methods the view accepts (GET when null), unless the rule lists its own.</summary>
    public virtual IReadOnlyCollection<string>? Methods => null;

    /// <summary>Whether OPTIONS is answered automatically (null: yes, unless the methods list OPTIONS).</summary>
    public virtual bool? ProvideAutomaticOptions => null;

    /// <summary>Functions that wrap the generated view, applied in order (the last one is outermost), as Flask's <c>decorators</c>.</summary>
    public virtual IReadOnlyList<Func<ViewHandler, ViewHandler>> Decorators => [];

    /// <summary>True (the default) creates a new instance for every request; false shares one instance across all requests (it must then be thread-safe).</summary>
    public virtual bool InitEveryRequest => true;

    /// <summary>Handles the request; <paramref name="viewArgs"/> are the rule variables. Override this or <see cref="DispatchRequestAsync"/>.</summary>
    public virtual object? DispatchRequest(IDictionary<string, object?> viewArgs)
        => throw new InvalidOperationException($"The view class '{GetType().Name}' must override DispatchRequest or DispatchRequestAsync.");

    /// <summary>Async form of <see cref="DispatchRequest"/>; by default it calls <see cref="DispatchRequest"/>.</summary>
    public virtual ValueTask<object?> DispatchRequestAsync(IDictionary<string, object?> viewArgs) => ValueTask.FromResult(DispatchRequest(viewArgs));

    /// <summary>
    /// Turns the view class into a routable view (Flask's <c>as_view</c>): <paramref name="name"/> is the default
    /// endpoint; <paramref name="args"/> are passed to the constructor of every instance.
    /// </summary>
    public static ClassView AsView<T>(string name, params object?[] args)
        where T : View
        => AsView(typeof(T), name, args);

    /// <summary>Non-generic form of <see cref="AsView{T}"/>.</summary>
    public static ClassView AsView(Type viewType, string name, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(viewType);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!typeof(View).IsAssignableFrom(viewType) || viewType.IsAbstract)
        {
            throw new ArgumentException($"'{viewType.Name}' is not a concrete subclass of View.", nameof(viewType));
        }

        args ??= [];
        var prototype = Create(viewType, args);
        var methods = prototype.Methods?.Select(m => m.ToUpperInvariant()).ToArray();
        ViewHandler handler;
        if (prototype.InitEveryRequest)
        {
            // The instance made to read the settings serves the first request, so each request sees exactly one new instance.
            View? first = prototype;
            handler = viewArgs => (Interlocked.Exchange(ref first, null) ?? Create(viewType, args)).DispatchRequestAsync(viewArgs);
        }
        else
        {
            var shared = prototype;
            handler = shared.DispatchRequestAsync;
        }

        foreach (var decorator in prototype.Decorators)
        {
            handler = decorator(handler) ?? throw new InvalidOperationException($"A decorator of '{viewType.Name}' returned null.");
        }

        var dispatch = viewType.GetMethod(nameof(DispatchRequestAsync), BindingFlags.Public | BindingFlags.Instance, [typeof(IDictionary<string, object?>)])!;
        return new ClassView(name, viewType, methods, prototype.ProvideAutomaticOptions, handler, dispatch);
    }

    private static View Create(Type viewType, object?[] args)
    {
        try
        {
            return (View)Activator.CreateInstance(viewType, args)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        catch (MissingMethodException e)
        {
            throw new ArgumentException($"'{viewType.Name}' has no public constructor taking the {args.Length} argument(s) given to AsView.", nameof(args), e);
        }
    }
}
