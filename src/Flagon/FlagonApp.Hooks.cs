using Flagon.Exceptions;

namespace Flagon;

/// <summary>Request hooks and error handlers.</summary>
public partial class FlagonApp
{
    private readonly List<Func<ValueTask<object?>>> _beforeRequest = [];
    private readonly List<Func<Response, ValueTask<Response>>> _afterRequest = [];
    private readonly List<Func<Exception?, ValueTask>> _teardownRequest = [];
    private readonly List<Func<Exception?, ValueTask>> _teardownAppContext = [];
    private readonly List<Action<string?, IDictionary<string, object?>?>> _urlValuePreprocessors = [];
    private readonly Dictionary<int, Dictionary<Type, Func<Exception, ValueTask<object?>>>> _codeHandlers = [];
    private readonly Dictionary<Type, Func<Exception, ValueTask<object?>>> _classHandlers = [];

    /// <summary>Runs <paramref name="hook"/> before each request; a non-null return value becomes the response and the handler is skipped.</summary>
    public FlagonApp BeforeRequest(Func<object?> hook)
    {
        CheckSetup("before_request");
        _beforeRequest.Add(() => ValueTask.FromResult(hook()));
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> before each request.</summary>
    public FlagonApp BeforeRequest(Action hook)
    {
        CheckSetup("before_request");
        _beforeRequest.Add(() =>
        {
            hook();
            return ValueTask.FromResult<object?>(null);
        });
        return this;
    }

    /// <summary>Async form of <see cref="BeforeRequest(Func{object?})"/>.</summary>
    public FlagonApp BeforeRequestAsync(Func<Task<object?>> hook)
    {
        CheckSetup("before_request");
        _beforeRequest.Add(async () => await hook());
        return this;
    }

    /// <summary>Async form of <see cref="BeforeRequest(Action)"/>.</summary>
    public FlagonApp BeforeRequestAsync(Func<Task> hook)
    {
        CheckSetup("before_request");
        _beforeRequest.Add(async () =>
        {
            await hook();
            return null;
        });
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> on every response (errors included), last registered first; it returns the response to send.</summary>
    public FlagonApp AfterRequest(Func<Response, Response> hook)
    {
        CheckSetup("after_request");
        _afterRequest.Add(r => ValueTask.FromResult(hook(r)));
        return this;
    }

    /// <summary>Async form of <see cref="AfterRequest"/>.</summary>
    public FlagonApp AfterRequestAsync(Func<Response, Task<Response>> hook)
    {
        CheckSetup("after_request");
        _afterRequest.Add(async r => await hook(r));
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> when the request ends, always, with the unhandled exception or null.</summary>
    public FlagonApp TeardownRequest(Action<Exception?> hook)
    {
        CheckSetup("teardown_request");
        _teardownRequest.Add(e =>
        {
            hook(e);
            return ValueTask.CompletedTask;
        });
        return this;
    }

    /// <summary>Async form of <see cref="TeardownRequest"/>.</summary>
    public FlagonApp TeardownRequestAsync(Func<Exception?, Task> hook)
    {
        CheckSetup("teardown_request");
        _teardownRequest.Add(async e => await hook(e));
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> whenever an application context ends (requests, commands, <c>AppContext()</c> scopes).</summary>
    public FlagonApp TeardownAppContext(Action<Exception?> hook)
    {
        CheckSetup("teardown_appcontext");
        _teardownAppContext.Add(e =>
        {
            hook(e);
            return ValueTask.CompletedTask;
        });
        return this;
    }

    /// <summary>Async form of <see cref="TeardownAppContext"/>.</summary>
    public FlagonApp TeardownAppContextAsync(Func<Exception?, Task> hook)
    {
        CheckSetup("teardown_appcontext");
        _teardownAppContext.Add(async e => await hook(e));
        return this;
    }

    /// <summary>Registers a function that sees (and may change) the endpoint's view arguments before the hooks run; values is null when nothing matched.</summary>
    public FlagonApp UrlValuePreprocessor(Action<string?, IDictionary<string, object?>?> function)
    {
        CheckSetup("url_value_preprocessor");
        _urlValuePreprocessors.Add(function);
        return this;
    }

    /// <summary>Handles the HTTP error <paramref name="code"/> (Flask's <c>@app.errorhandler(404)</c>); the return value becomes the response.</summary>
    public FlagonApp ErrorHandler(int code, Func<HttpException, object?> handler)
        => AddErrorHandler(code, HttpExceptions.TypeFor(code) ?? throw new KeyNotFoundException($"'{code}' is not a recognized HTTP error code. Use a subclass of HttpException with that code instead."), e => ValueTask.FromResult(handler((HttpException)e)));

    /// <summary>Async form of <see cref="ErrorHandler(int, Func{HttpException, object?})"/>.</summary>
    public FlagonApp ErrorHandlerAsync(int code, Func<HttpException, Task<object?>> handler)
        => AddErrorHandler(code, HttpExceptions.TypeFor(code) ?? throw new KeyNotFoundException($"'{code}' is not a recognized HTTP error code. Use a subclass of HttpException with that code instead."), async e => await handler((HttpException)e));

    /// <summary>Handles exceptions of type <typeparamref name="TException"/> and its subclasses; the most specific registered type wins.</summary>
    public FlagonApp ErrorHandler<TException>(Func<TException, object?> handler)
        where TException : Exception
        => AddErrorHandler(HttpExceptions.CodeOf(typeof(TException)), typeof(TException), e => ValueTask.FromResult(handler((TException)e)));

    /// <summary>Async form of <see cref="ErrorHandler{TException}(Func{TException, object?})"/>.</summary>
    public FlagonApp ErrorHandlerAsync<TException>(Func<TException, Task<object?>> handler)
        where TException : Exception
        => AddErrorHandler(HttpExceptions.CodeOf(typeof(TException)), typeof(TException), async e => await handler((TException)e));

    private FlagonApp AddErrorHandler(int? code, Type type, Func<Exception, ValueTask<object?>> handler)
    {
        CheckSetup("errorhandler");
        if (code is int c)
        {
            if (!_codeHandlers.TryGetValue(c, out var map))
            {
                _codeHandlers[c] = map = [];
            }

            map[type] = handler;
        }
        else
        {
            _classHandlers[type] = handler;
        }

        return this;
    }

    /// <summary>
    /// Finds the handler for <paramref name="exception"/> as Flask 2.2 does: for an HTTP error, handlers registered for
    /// its code first, then class handlers; within each, the current request's blueprints (innermost first) before the
    /// app, and within each of those, the exception's own class, then its base classes.
    /// </summary>
    protected virtual Func<Exception, ValueTask<object?>>? FindErrorHandler(Exception exception)
    {
        var type = exception.GetType();
        var scopes = ScopesOf(CurrentBlueprints()).ToList();
        if (exception is HttpException { Code: int code })
        {
            foreach (var scope in scopes)
            {
                if (scope.Find(code, type) is { } handler)
                {
                    return handler;
                }
            }

            if (_codeHandlers.TryGetValue(code, out var byCode))
            {
                for (var t = type; t is not null; t = t.BaseType)
                {
                    if (byCode.TryGetValue(t, out var handler))
                    {
                        return handler;
                    }
                }
            }
        }

        foreach (var scope in scopes)
        {
            if (scope.Find(null, type) is { } handler)
            {
                return handler;
            }
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (_classHandlers.TryGetValue(t, out var handler))
            {
                return handler;
            }
        }

        return null;
    }
}
