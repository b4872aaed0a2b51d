using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Flagon.Exceptions;
using Flagon.Jinja;
using Flagon.Sessions;
using Flagon.Signals;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flagon;

/// <summary>
/// The request pipeline, split into Flask's overridable steps: <see cref="HandleRequestAsync"/> (wsgi_app) →
/// <see cref="FullDispatchRequestAsync"/> → <see cref="PreprocessRequestAsync"/> → <see cref="DispatchRequestAsync"/>
/// → <see cref="MakeResponse"/> → <see cref="ProcessResponseAsync"/>, with <see cref="HandleUserExceptionAsync"/>,
/// <see cref="HandleHttpExceptionAsync"/> and <see cref="HandleExceptionAsync"/> on the error paths.
/// </summary>
public partial class FlagonApp
{
    private bool? _overridesTeardownAppContext;

    /// <summary>Whether this app's type overrides <see cref="DoTeardownAppContextAsync"/> (then popping the contexts is always observed).</summary>
    private bool OverridesTeardownAppContext => _overridesTeardownAppContext ??=
        GetType().GetMethod(nameof(DoTeardownAppContextAsync), BindingFlags.Public | BindingFlags.Instance, [typeof(Exception)])?.DeclaringType != typeof(FlagonApp);

    /// <summary>Creates the request wrapper (Flask's <c>request_class</c>); override to use a subclass.</summary>
    public virtual FlagonRequest CreateRequest(HttpContext httpContext) => new(httpContext, this);

    /// <summary>
    /// Handles one request end to end (Flask's <c>wsgi_app</c>): pushes the contexts, matches the URL, opens the
    /// session, dispatches, turns unhandled errors into a 500, writes the response and always runs the teardowns.
    /// </summary>
    public virtual async Task HandleRequestAsync(HttpContext httpContext)
    {
        _gotFirstRequest = true;
        var request = CreateRequest(httpContext);
        var appContext = new ApplicationContext(this);
        Exception? error = null;
        RequestContext? ctx = null;
        try
        {
            ctx = new RequestContext(this, request, appContext);
            ctx.Push();
            Response response;
            try
            {
                await request.LoadBodyAsync();
                var opening = OpenSessionAsync(ctx, httpContext);
                if (!opening.IsCompletedSuccessfully)
                {
                    await opening;
                }

                response = await FullDispatchRequestAsync();
            }
            catch (Exception e) when (!IsAbort(e, httpContext))
            {
                error = e;
                response = await HandleExceptionAsync(e);
            }

            await response.ExecuteAsync(httpContext);
        }
        catch (Exception e)
        {
            error ??= e;
            throw;
        }
        finally
        {
            if (ctx is not null)
            {
                try
                {
                    await DoTeardownRequestAsync(error);
                }
                catch (Exception e)
                {
                    Logger.LogError(e, "A teardown-request function failed.");
                }

                if (EndsUnobserved(ctx, appContext))
                {
                    // Nothing runs between here and the end of this async method, whose context changes do not reach
                    // its caller: the two slots need no writing back.
                    appContext.MarkPopped();
                }
                else
                {
                    ctx.RestoreRequestSlot();
                    try
                    {
                        await appContext.PopAsync(error);
                    }
                    catch (Exception e)
                    {
                        Logger.LogError(e, "A teardown-appcontext function failed.");
                    }
                }
            }
        }
    }

    /// <summary>
    /// True when popping the request's contexts would run nothing (no teardown-appcontext hook or override, no receiver
    /// of <c>appcontext_tearing_down</c>/<c>appcontext_popped</c>) and they are still the current ones.
    /// </summary>
    private bool EndsUnobserved(RequestContext ctx, ApplicationContext appContext)
        => _teardownAppContext.Count == 0 && !OverridesTeardownAppContext
            && !FlagonSignals.AppContextTearingDown.HasReceivers && !FlagonSignals.AppContextPopped.HasReceivers
            && ReferenceEquals(ContextVars.Request.Value, ctx) && ReferenceEquals(ContextVars.App.Value, appContext);

    private static bool IsAbort(Exception e, HttpContext httpContext) => e is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested;

    /// <summary>
    /// Opens the request's session (<see cref="ISessionInterface.OpenSessionAsync"/>, or a null session). With the stock
    /// cookie interface and no <c>Cookie</c> header, the result can only be a new empty session (or the null one without a
    /// secret key), so it is made on first use instead: a request that never touches the session allocates none and
    /// saves none (an untouched empty session sends no cookie and no <c>Vary</c>).
    /// </summary>
    private ValueTask OpenSessionAsync(RequestContext ctx, HttpContext httpContext)
    {
        var options = GetSessionOptions();
        if (SessionInterface is SecureCookieSessionInterface stock && stock.GetType() == typeof(SecureCookieSessionInterface)
            && httpContext.Request.Headers.Cookie.Count == 0)
        {
            ctx.DeferSession(nullSession: stock.GetCodec(options) is null);
            return ValueTask.CompletedTask;
        }

        var opening = SessionInterface.OpenSessionAsync(httpContext, options, httpContext.RequestAborted);
        if (opening.IsCompletedSuccessfully)
        {
            ctx.Session = opening.Result ?? SessionInterface.MakeNullSession();
            return ValueTask.CompletedTask;
        }

        return AwaitSessionAsync(ctx, opening);
    }

    private async ValueTask AwaitSessionAsync(RequestContext ctx, ValueTask<SessionData?> opening)
        => ctx.Session = await opening ?? SessionInterface.MakeNullSession();

    /// <summary>Flask's <c>full_dispatch_request</c>: preprocess, dispatch, handle user exceptions, finalize.</summary>
    public virtual async ValueTask<Response> FullDispatchRequestAsync()
    {
        object? rv;
        try
        {
            if (FlagonSignals.RequestStarted.HasReceivers)
            {
                await FlagonSignals.RequestStarted.SendAsync(this, default);
            }

            rv = await PreprocessRequestAsync();
            rv ??= await DispatchRequestAsync();
        }
        catch (Exception e) when (!IsAbort(e, Globals.Request.HttpContext))
        {
            rv = await HandleUserExceptionAsync(e);
        }

        return await FinalizeRequestAsync(rv);
    }

    /// <summary>
    /// Flask's <c>preprocess_request</c>: the URL value preprocessors, then the before-request hooks; the first
    /// non-null hook result is returned and skips the handler.
    /// </summary>
    public virtual ValueTask<object?> PreprocessRequestAsync()
    {
        var request = Globals.Request;
        if (request.Blueprints.Count > 0)
        {
            return PreprocessWithBlueprintsAsync(request);
        }

        // An app route: the app's lists only, and no async machinery when no hook is registered.
        foreach (var preprocessor in _urlValuePreprocessors)
        {
            preprocessor(request.Endpoint, request.ViewArgs);
        }

        return _beforeRequest.Count == 0 ? default : RunBeforeRequestHooksAsync(_beforeRequest);
    }

    private ValueTask<object?> PreprocessWithBlueprintsAsync(FlagonRequest request)
    {
        foreach (var preprocessor in UrlValuePreprocessorsFor(request))
        {
            preprocessor(request.Endpoint, request.ViewArgs);
        }

        return RunBeforeRequestHooksAsync(BeforeRequestHooksFor(request));
    }

    private static async ValueTask<object?> RunBeforeRequestHooksAsync(IEnumerable<Func<ValueTask<object?>>> hooks)
    {
        foreach (var hook in hooks)
        {
            var rv = await hook();
            if (rv is not null)
            {
                return rv;
            }
        }

        return null;
    }

    /// <summary>
    /// Flask's <c>dispatch_request</c>: raises the stored routing error (404, 405, 308), answers automatic OPTIONS,
    /// or calls the endpoint's handler with the view arguments.
    /// </summary>
    public virtual ValueTask<object?> DispatchRequestAsync()
    {
        var request = Globals.Request;
        if (request.RoutingException is { } routingError)
        {
            RaiseRoutingException(request, routingError);
        }

        var rule = request.UrlRule!;
        if (rule.Tag is RuleOptions { ProvideAutomaticOptions: true } && request.Method == "OPTIONS")
        {
            return ValueTask.FromResult<object?>(MakeDefaultOptionsResponse());
        }

        if (!ViewFunctions.TryGetValue(rule.Endpoint, out var view))
        {
            throw new InvalidOperationException($"No view function is registered for the endpoint '{rule.Endpoint}'.");
        }

        return view.InvokeAsync(request, request.ViewArgs);
    }

    /// <summary>Raises the routing error stored on the request (Flask's <c>raise_routing_exception</c>).</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    protected virtual void RaiseRoutingException(FlagonRequest request, HttpException routingException) => throw routingException;

    /// <summary>Flask's <c>make_default_options_response</c>: an empty 200 whose <c>Allow</c> lists every method the URL accepts.</summary>
    public virtual Response MakeDefaultOptionsResponse()
    {
        var ctx = ContextVars.Request.Value ?? throw new WorkingOutsideOfContextException(Globals.OutsideRequestMessage);
        var methods = new List<string>();
        if (ctx.UrlAdapter is not null)
        {
            var probe = ctx.UrlAdapter.Match(ctx.Request.Path, "--", ctx.Request.QueryString);
            if (probe.AllowedMethods is not null)
            {
                methods.AddRange(probe.AllowedMethods);
            }
        }

        var response = new Response();
        response.Headers["Allow"] = string.Join(", ", methods);
        return response;
    }

    /// <summary>Flask's <c>finalize_request</c>: make the response, run the after-request processing; errors there are logged when already handling an error.</summary>
    public virtual async ValueTask<Response> FinalizeRequestAsync(object? rv, bool fromErrorHandler = false)
    {
        var response = MakeResponse(rv);
        try
        {
            response = await ProcessResponseAsync(response);
            if (FlagonSignals.RequestFinished.HasReceivers)
            {
                await FlagonSignals.RequestFinished.SendAsync(this, new RequestFinishedArgs(response));
            }
        }
        catch (Exception e) when (fromErrorHandler)
        {
            Logger.LogError(e, "Request finalizing failed with an error while handling an error");
        }

        return response;
    }

    /// <summary>
    /// Flask's <c>process_response</c>: after-this-request functions, then the after-request hooks (the blueprints'
    /// from the innermost, then the app's; each last registered first), then saves the session.
    /// </summary>
    public virtual async ValueTask<Response> ProcessResponseAsync(Response response)
    {
        var ctx = ContextVars.Request.Value ?? throw new WorkingOutsideOfContextException(Globals.OutsideRequestMessage);
        if (ctx.AfterRequestFunctionsIfAny is { } functions)
        {
            foreach (var function in functions)
            {
                response = await function(response);
            }
        }

        if (ctx.Request.Blueprints.Count == 0)
        {
            // An app route: the app's hooks, last registered first.
            for (var i = _afterRequest.Count - 1; i >= 0; i--)
            {
                response = await _afterRequest[i](response);
            }
        }
        else
        {
            foreach (var hook in AfterRequestHooksFor(ctx.Request))
            {
                response = await hook(response);
            }
        }

        if (ctx.OpenedSession is { } session && !SessionInterface.IsNullSession(session))
        {
            await SessionInterface.SaveSessionAsync(ctx.Request.HttpContext, GetSessionOptions(), session, ctx.Request.HttpContext.RequestAborted);
        }

        return response;
    }

    /// <summary>
    /// Flask's <c>handle_user_exception</c>: HTTP errors go to <see cref="HandleHttpExceptionAsync"/> (unless trapped);
    /// other exceptions to their registered handler, or are rethrown to <see cref="HandleExceptionAsync"/>.
    /// An exception that .NET code called by a template threw (the engine wraps it in a <see cref="TemplateRuntimeError"/>
    /// naming the template and line) is handled as itself, as in Flask, where Jinja2 lets it through: a
    /// <c>BadRequest</c> from <c>request.form</c> in a template is a 400; when nothing handles it, the wrapper goes on.
    /// </summary>
    public virtual async ValueTask<object?> HandleUserExceptionAsync(Exception exception)
    {
        var routed = (RaisedInTemplate(exception) is { } raised ? Route(raised) : null) ?? Route(exception);
        if (routed is null)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }

        return await routed.Value;

        // An untrapped HTTP error to HandleHttpExceptionAsync, anything else to its registered handler; null when none takes it.
        ValueTask<object?>? Route(Exception e) =>
            e is HttpException http && !TrapHttpException(http) ? HandleHttpExceptionAsync(http)
            : FindErrorHandler(e) is { } handler ? handler(e)
            : null;
    }

    /// <summary>The exception .NET code threw inside a template render, when <paramref name="exception"/> is the engine's wrapper of it.</summary>
    private static Exception? RaisedInTemplate(Exception exception)
    {
        if (exception is not TemplateRuntimeError { InnerException: { } inner })
        {
            return null;
        }

        while (inner is TargetInvocationException { InnerException: { } invoked })
        {
            inner = invoked;
        }

        return inner is TemplateError or InsufficientExecutionStackException ? null : inner;
    }

    /// <summary>
    /// Flask's <c>handle_http_exception</c>: code-less exceptions and routing redirects are returned as they are;
    /// otherwise the registered handler's result, or the exception itself (its default page).
    /// </summary>
    public virtual async ValueTask<object?> HandleHttpExceptionAsync(HttpException exception)
    {
        if (exception.Code is null || exception is RequestRedirect)
        {
            return exception;
        }

        var handler = FindErrorHandler(exception);
        return handler is null ? exception : await handler(exception);
    }

    /// <summary>Flask's <c>trap_http_exception</c>: true makes an HTTP error behave like an ordinary exception (<c>TRAP_HTTP_EXCEPTIONS</c>, <c>TRAP_BAD_REQUEST_ERRORS</c>).</summary>
    public virtual bool TrapHttpException(HttpException exception)
    {
        if (Config.GetBool("TRAP_HTTP_EXCEPTIONS") == true)
        {
            return true;
        }

        var trapBadRequest = Config.GetBool("TRAP_BAD_REQUEST_ERRORS");
        if (trapBadRequest is null && Debug && exception is BadRequestKeyError)
        {
            return true;
        }

        return trapBadRequest == true && exception is BadRequest;
    }

    /// <summary>
    /// Flask's <c>handle_exception</c>, for errors nothing handled: rethrown when propagating (<c>PROPAGATE_EXCEPTIONS</c>,
    /// or testing/debug), otherwise logged and answered with a 500 through the 500 handler, if any.
    /// </summary>
    public virtual async Task<Response> HandleExceptionAsync(Exception exception)
    {
        await FlagonSignals.GotRequestException.SendAsync(this, new GotRequestExceptionArgs(exception));
        var propagate = Config.GetBool("PROPAGATE_EXCEPTIONS") ?? (Testing || Debug);
        if (propagate)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }

        LogException(exception);
        object? rv = new InternalServerError(originalException: exception);
        var handler = FindErrorHandler((Exception)rv);
        if (handler is not null)
        {
            rv = await handler((Exception)rv);
        }

        return await FinalizeRequestAsync(rv, fromErrorHandler: true);
    }

    /// <summary>Flask's <c>log_exception</c>: logs "Exception on {path} [{method}]" at error level.</summary>
    public virtual void LogException(Exception exception)
    {
        var request = ContextVars.Request.Value?.Request;
        Logger.LogError(exception, "Exception on {Path} [{Method}]", request?.Path, request?.Method);
    }

    /// <summary>Runs the teardown-request hooks (the blueprints' from the innermost, then the app's; each last registered first), then sends <c>request_tearing_down</c>; all run, and their errors are collected.</summary>
    public virtual ValueTask DoTeardownRequestAsync(Exception? exception)
    {
        var blueprints = CurrentBlueprints();

        // An app route runs the app's list as it is (RunTeardownsAsync calls it from the end: last registered first).
        return blueprints.Count == 0
            ? RunTeardownsAsync(_teardownRequest, exception, FlagonSignals.RequestTearingDown)
            : RunTeardownsAsync(TeardownRequestHooksFor(blueprints).Reverse().ToList(), exception, FlagonSignals.RequestTearingDown);
    }

    /// <summary>Runs the teardown-appcontext hooks (last registered first), then sends <c>appcontext_tearing_down</c>; all run, and their errors are collected.</summary>
    public virtual ValueTask DoTeardownAppContextAsync(Exception? exception) => RunTeardownsAsync(_teardownAppContext, exception, FlagonSignals.AppContextTearingDown);

    private ValueTask RunTeardownsAsync(List<Func<Exception?, ValueTask>> hooks, Exception? exception, Signal<TeardownArgs> signal)
        => hooks.Count == 0 && !signal.HasReceivers ? ValueTask.CompletedTask : RunTeardownsCoreAsync(hooks, exception, signal);

    private async ValueTask RunTeardownsCoreAsync(List<Func<Exception?, ValueTask>> hooks, Exception? exception, Signal<TeardownArgs> signal)
    {
        List<Exception>? errors = null;
        for (var i = hooks.Count - 1; i >= 0; i--)
        {
            try
            {
                await hooks[i](exception);
            }
            catch (Exception e)
            {
                (errors ??= []).Add(e);
            }
        }

        try
        {
            await signal.SendAsync(this, new TeardownArgs(exception));
        }
        catch (Exception e)
        {
            (errors ??= []).Add(e);
        }

        if (errors is not null)
        {
            throw errors.Count == 1 ? errors[0] : new AggregateException(errors);
        }
    }

    /// <summary>
    /// Flask's <c>make_response</c>: converts a handler's return value. A string is an HTML 200; a
    /// <c>(body, status)</c>, <c>(body, status, headers)</c> or <c>(body, headers)</c> tuple sets status and headers;
    /// a dictionary, list or plain object becomes JSON; a <see cref="Response"/>, an <see cref="IResult"/>, an
    /// HTTP exception or an <c>IAsyncEnumerable&lt;string&gt;</c> (streamed) are used as they are.
    /// </summary>
    public virtual Response MakeResponse(object? rv)
    {
        object? status = null;
        object? headers = null;
        if (rv is ITuple tuple and not Response)
        {
            switch (tuple.Length)
            {
                case 3:
                    (rv, status, headers) = (tuple[0], tuple[1], tuple[2]);
                    break;
                case 2:
                    rv = tuple[0];
                    if (IsHeaders(tuple[1]))
                    {
                        headers = tuple[1];
                    }
                    else
                    {
                        status = tuple[1];
                    }

                    break;
                default:
                    throw new InvalidOperationException("The view function did not return a valid response tuple. The tuple must have the form (body, status, headers), (body, status), or (body, headers).");
            }
        }

        if (rv is null)
        {
            var endpoint = ContextVars.Request.Value?.Request.Endpoint;
            throw new InvalidOperationException($"The view function for '{endpoint}' did not return a valid response. The function either returned None or ended without a return statement.");
        }

        var response = rv switch
        {
            Response r => r,
            string s => new Response(s),
            byte[] bytes => new Response(bytes),
            IAsyncEnumerable<string> stream => new Response(stream),
            HttpException http => http.GetResponse(),
            IResult result => new Response(result),
            bool or char or Enum or int or long or short or sbyte or byte or ushort or uint or ulong or double or float or decimal
                => throw new InvalidOperationException($"The view function did not return a valid response. The return type must be a string, dict, list, tuple with headers or status, Response instance, or IResult, but it was a {rv.GetType().Name}."),
            _ => Json.Response(rv),
        };

        switch (status)
        {
            case null:
                break;
            case string text:
                response.Status = text;
                break;
            case int code:
                response.StatusCode = code;
                break;
            case System.Net.HttpStatusCode code:
                response.StatusCode = (int)code;
                break;
            default:
                throw new InvalidOperationException($"The view function did not return a valid response. The status must be an int or a string, but it was a {status.GetType().Name}.");
        }

        if (headers is not null)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in HeaderPairs(headers))
            {
                if (seen.Add(key))
                {
                    response.Headers[key] = value;
                }
                else
                {
                    response.Headers.Append(key, value);
                }
            }
        }

        return response;
    }

    private static bool IsHeaders(object? value) => value is IDictionary or IEnumerable<KeyValuePair<string, string>> or IEnumerable<KeyValuePair<string, object?>> or IEnumerable<(string, string)> or IHeaderDictionary;

    private static IEnumerable<KeyValuePair<string, string>> HeaderPairs(object headers)
    {
        switch (headers)
        {
            case IHeaderDictionary h:
                foreach (var (key, values) in h)
                {
                    foreach (var v in values)
                    {
                        yield return new(key, v ?? string.Empty);
                    }
                }

                break;
            case IEnumerable<KeyValuePair<string, string>> pairs:
                foreach (var p in pairs)
                {
                    yield return p;
                }

                break;
            case IEnumerable<KeyValuePair<string, object?>> objects:
                foreach (var p in objects)
                {
                    yield return new(p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }

                break;
            case IEnumerable<(string, string)> tuples:
                foreach (var (k, v) in tuples)
                {
                    yield return new(k, v);
                }

                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry e in dictionary)
                {
                    yield return new(Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture)!, Convert.ToString(e.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }

                break;
            default:
                throw new InvalidOperationException($"The view function did not return valid headers: {headers.GetType().Name}.");
        }
    }
}
