using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Flagon.Exceptions;
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
        request.MaxContentLength = Config.Get<long?>("MAX_CONTENT_LENGTH");
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
                ctx.Session = await SessionInterface.OpenSessionAsync(httpContext, GetSessionOptions(), httpContext.RequestAborted) ?? SessionInterface.MakeNullSession();
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

    private static bool IsAbort(Exception e, HttpContext httpContext) => e is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested;

    /// <summary>Flask's <c>full_dispatch_request</c>: preprocess, dispatch, handle user exceptions, finalize.</summary>
    public virtual async Task<Response> FullDispatchRequestAsync()
    {
        object? rv;
        try
        {
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
    public virtual async ValueTask<object?> PreprocessRequestAsync()
    {
        var request = Globals.Request;
        foreach (var preprocessor in UrlValuePreprocessorsFor(request))
        {
            preprocessor(request.Endpoint, request.ViewArgs);
        }

        foreach (var hook in BeforeRequestHooksFor(request))
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
    public virtual async Task<Response> FinalizeRequestAsync(object? rv, bool fromErrorHandler = false)
    {
        var response = MakeResponse(rv);
        try
        {
            response = await ProcessResponseAsync(response);
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
    public virtual async Task<Response> ProcessResponseAsync(Response response)
    {
        var ctx = ContextVars.Request.Value ?? throw new WorkingOutsideOfContextException(Globals.OutsideRequestMessage);
        foreach (var function in ctx.AfterRequestFunctions)
        {
            response = await function(response);
        }

        foreach (var hook in AfterRequestHooksFor(ctx.Request))
        {
            response = await hook(response);
        }

        if (ctx.Session is { } session && !SessionInterface.IsNullSession(session))
        {
            await SessionInterface.SaveSessionAsync(ctx.Request.HttpContext, GetSessionOptions(), session, ctx.Request.HttpContext.RequestAborted);
        }

        return response;
    }

    /// <summary>
    /// Flask's <c>handle_user_exception</c>: HTTP errors go to <see cref="HandleHttpExceptionAsync"/> (unless trapped);
    /// other exceptions to their registered handler, or are rethrown to <see cref="HandleExceptionAsync"/>.
    /// </summary>
    public virtual async ValueTask<object?> HandleUserExceptionAsync(Exception exception)
    {
        if (exception is HttpException http && !TrapHttpException(http))
        {
            return await HandleHttpExceptionAsync(http);
        }

        var handler = FindErrorHandler(exception);
        if (handler is null)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }

        return await handler(exception);
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

    /// <summary>Runs the teardown-request hooks (the blueprints' from the innermost, then the app's; each last registered first); all run, and their errors are collected.</summary>
    public virtual ValueTask DoTeardownRequestAsync(Exception? exception) => RunTeardownsAsync(TeardownRequestHooksFor(CurrentBlueprints()).Reverse().ToList(), exception);

    /// <summary>Runs the teardown-appcontext hooks (last registered first); all run, and their errors are collected.</summary>
    public virtual ValueTask DoTeardownAppContextAsync(Exception? exception) => RunTeardownsAsync(_teardownAppContext, exception);

    private static async ValueTask RunTeardownsAsync(List<Func<Exception?, ValueTask>> hooks, Exception? exception)
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
