using Flagon.Templating;

namespace Flagon.Signals;

/// <summary>
/// Flask's signals (<c>flask.signals</c>), sent with the app as sender. Connect for one app with
/// <c>FlagonSignals.RequestStarted.Connect((app, _) => …, app)</c>; <c>using static Flagon.Signals.FlagonSignals;</c>
/// gives Flask's spelling (<c>RequestStarted.Connect(…)</c>). See docs/signals.md for when each is sent.
/// </summary>
public static class FlagonSignals
{
    /// <summary><c>appcontext_pushed</c>: an application context was pushed (every request, command and <c>AppContext()</c>).</summary>
    public static readonly Signal<NoArgs> AppContextPushed = new("appcontext_pushed");

    /// <summary><c>request_started</c>: the request context is set up and the session open, before the URL value preprocessors and before-request hooks.</summary>
    public static readonly Signal<NoArgs> RequestStarted = new("request_started");

    /// <summary><c>before_render_template</c>: a template is about to render; receivers may still change the context.</summary>
    public static readonly Signal<TemplateRenderEventArgs> BeforeRenderTemplate = new("before_render_template");

    /// <summary><c>template_rendered</c>: a template rendered (for a stream, after its last chunk).</summary>
    public static readonly Signal<TemplateRenderEventArgs> TemplateRendered = new("template_rendered");

    /// <summary><c>message_flashed</c>: <c>Flash(message, category)</c> was called.</summary>
    public static readonly Signal<MessageFlashedArgs> MessageFlashed = new("message_flashed");

    /// <summary><c>got_request_exception</c>: an exception no error handler dealt with reached <c>HandleExceptionAsync</c> (before it propagates or becomes a 500).</summary>
    public static readonly Signal<GotRequestExceptionArgs> GotRequestException = new("got_request_exception");

    /// <summary><c>request_finished</c>: the response is final (after-request hooks ran, session saved), before it is sent.</summary>
    public static readonly Signal<RequestFinishedArgs> RequestFinished = new("request_finished");

    /// <summary><c>request_tearing_down</c>: after the teardown-request hooks, with the unhandled exception or null.</summary>
    public static readonly Signal<TeardownArgs> RequestTearingDown = new("request_tearing_down");

    /// <summary><c>appcontext_tearing_down</c>: after the teardown-appcontext hooks, with the unhandled exception or null.</summary>
    public static readonly Signal<TeardownArgs> AppContextTearingDown = new("appcontext_tearing_down");

    /// <summary><c>appcontext_popped</c>: an application context was popped (the previous one is current again).</summary>
    public static readonly Signal<NoArgs> AppContextPopped = new("appcontext_popped");
}
