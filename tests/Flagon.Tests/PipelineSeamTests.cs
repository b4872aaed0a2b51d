using Flagon.Exceptions;
using Flagon.Routing;
using Flagon.Testing;
using Microsoft.AspNetCore.Http;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>Each virtual step of the pipeline can be overridden by a subclass, as Flask's methods can.</summary>
public class PipelineSeamTests
{
    private class SeamApp : FlagonApp
    {
        public SeamApp()
            : base(rootPath: System.AppContext.BaseDirectory)
        {
            Get("/", () => "index", endpoint: "index");
            Get("/boom", string () => throw new InvalidOperationException("boom"), endpoint: "boom");
            Get("/missing-key", () => Request.Args["nope"], endpoint: "missing_key");
        }
    }

    private sealed class DispatchApp : SeamApp
    {
        public override async ValueTask<object?> DispatchRequestAsync() => $"wrapped({await base.DispatchRequestAsync()})";
    }

    [Fact]
    public async Task DispatchRequest()
    {
        using var client = new DispatchApp().TestClient();
        Assert.Equal("wrapped(index)", (await client.GetAsync("/")).Text);
    }

    private sealed class FullDispatchApp : SeamApp
    {
        public override async ValueTask<Response> FullDispatchRequestAsync()
        {
            var response = await base.FullDispatchRequestAsync();
            response.Headers["X-Full"] = "1";
            return response;
        }
    }

    [Fact]
    public async Task FullDispatchRequest()
    {
        using var client = new FullDispatchApp().TestClient();
        Assert.Equal("1", (await client.GetAsync("/missing")).Header("X-Full"));
    }

    private sealed class FinalizeApp : SeamApp
    {
        public List<bool> Calls { get; } = [];

        public override async ValueTask<Response> FinalizeRequestAsync(object? rv, bool fromErrorHandler = false)
        {
            Calls.Add(fromErrorHandler);
            var response = await base.FinalizeRequestAsync(rv, fromErrorHandler);
            response.Headers["X-Finalized"] = fromErrorHandler ? "error" : "normal";
            return response;
        }
    }

    [Fact]
    public async Task FinalizeRequestOnTheNormalAndTheErrorPath()
    {
        var app = new FinalizeApp();
        using var client = app.TestClient();
        Assert.Equal("normal", (await client.GetAsync("/")).Header("X-Finalized"));
        Assert.Equal("normal", (await client.GetAsync("/missing")).Header("X-Finalized"));
        var boom = await client.GetAsync("/boom");
        Assert.Equal(500, boom.StatusCode);
        Assert.Equal("error", boom.Header("X-Finalized"));
        Assert.Equal([false, false, true], app.Calls);
    }

    private sealed class PreprocessApp : SeamApp
    {
        public override ValueTask<object?> PreprocessRequestAsync() => ValueTask.FromResult<object?>(Request.Path == "/" ? "preprocessed" : null);
    }

    [Fact]
    public async Task PreprocessRequest()
    {
        using var client = new PreprocessApp().TestClient();
        Assert.Equal("preprocessed", (await client.GetAsync("/")).Text);
    }

    private sealed class ProcessResponseApp : SeamApp
    {
        public override async ValueTask<Response> ProcessResponseAsync(Response response)
        {
            response = await base.ProcessResponseAsync(response);
            response.Headers["X-Processed"] = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return response;
        }
    }

    [Fact]
    public async Task ProcessResponse()
    {
        using var client = new ProcessResponseApp().TestClient();
        Assert.Equal("200", (await client.GetAsync("/")).Header("X-Processed"));
        Assert.Equal("404", (await client.GetAsync("/missing")).Header("X-Processed"));
    }

    private sealed class MakeResponseApp : SeamApp
    {
        public override Response MakeResponse(object? rv) => rv is string s ? new Response(s.ToUpperInvariant(), mimeType: "text/plain") : base.MakeResponse(rv);
    }

    [Fact]
    public async Task MakeResponse()
    {
        using var client = new MakeResponseApp().TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal("INDEX", response.Text);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType);
    }

    private sealed class HttpExceptionApp : SeamApp
    {
        public override ValueTask<object?> HandleHttpExceptionAsync(HttpException exception) => ValueTask.FromResult<object?>(($"http error {exception.Code}", exception.Code ?? 500));
    }

    [Fact]
    public async Task HandleHttpException()
    {
        using var client = new HttpExceptionApp().TestClient();
        var response = await client.GetAsync("/missing");
        Assert.Equal("http error 404", response.Text);
        Assert.Equal(404, response.StatusCode);
    }

    private sealed class UserExceptionApp : SeamApp
    {
        public override ValueTask<object?> HandleUserExceptionAsync(Exception exception)
            => exception is InvalidOperationException ? ValueTask.FromResult<object?>(("user error handled", 418)) : base.HandleUserExceptionAsync(exception);
    }

    [Fact]
    public async Task HandleUserException()
    {
        using var client = new UserExceptionApp().TestClient();
        var response = await client.GetAsync("/boom");
        Assert.Equal(418, response.StatusCode);
        Assert.Equal("user error handled", response.Text);
    }

    private sealed class ExceptionApp : SeamApp
    {
        public List<string> Logged { get; } = [];

        public override Task<Response> HandleExceptionAsync(Exception exception) => Task.FromResult(new Response($"handled: {exception.Message}", 503));

        public override void LogException(Exception exception) => Logged.Add(exception.Message);
    }

    [Fact]
    public async Task HandleException()
    {
        var app = new ExceptionApp();
        using var client = app.TestClient();
        var response = await client.GetAsync("/boom");
        Assert.Equal(503, response.StatusCode);
        Assert.Equal("handled: boom", response.Text);
        Assert.Empty(app.Logged);
    }

    private sealed class LogApp : SeamApp
    {
        public List<string> Logged { get; } = [];

        public override void LogException(Exception exception) => Logged.Add($"{Request.Path}: {exception.Message}");
    }

    [Fact]
    public async Task LogException()
    {
        var app = new LogApp();
        using var client = app.TestClient();
        Assert.Equal(500, (await client.GetAsync("/boom")).StatusCode);
        Assert.Equal(["/boom: boom"], app.Logged);
    }

    private sealed class OptionsApp : SeamApp
    {
        public override Response MakeDefaultOptionsResponse()
        {
            var response = base.MakeDefaultOptionsResponse();
            response.Headers["Access-Control-Allow-Methods"] = response.Headers["Allow"];
            return response;
        }
    }

    [Fact]
    public async Task MakeDefaultOptionsResponse()
    {
        using var client = new OptionsApp().TestClient();
        var response = await client.OptionsAsync("/");
        Assert.Equal(response.Header("Allow"), response.Header("Access-Control-Allow-Methods"));
        Assert.Contains("GET", response.Header("Allow")!, StringComparison.Ordinal);
    }

    private sealed class AdapterApp : SeamApp
    {
        public override MapAdapter? CreateUrlAdapter(FlagonRequest? request)
            => request is null ? base.CreateUrlAdapter(null) : UrlMap.Bind("canonical.example", request.ScriptRoot, null, "https");
    }

    [Fact]
    public async Task CreateUrlAdapter()
    {
        var app = new AdapterApp();
        app.Get("/ext", () => UrlFor("index", external: true), endpoint: "ext");
        using var client = app.TestClient();
        Assert.Equal("https://canonical.example/", (await client.GetAsync("/ext")).Text);
    }

    private sealed class CustomRequest : FlagonRequest
    {
        public CustomRequest(HttpContext httpContext, FlagonApp app)
            : base(httpContext, app)
        {
        }

        public string Shout => Path.ToUpperInvariant();
    }

    private sealed class RequestClassApp : SeamApp
    {
        public RequestClassApp()
        {
            Get("/shout", () => ((CustomRequest)Request).Shout, endpoint: "shout");
        }

        public override FlagonRequest CreateRequest(HttpContext httpContext) => new CustomRequest(httpContext, this);
    }

    [Fact]
    public async Task CreateRequest()
    {
        using var client = new RequestClassApp().TestClient();
        Assert.Equal("/SHOUT", (await client.GetAsync("/shout")).Text);
    }

    private sealed class TrapApp : SeamApp
    {
        public override bool TrapHttpException(HttpException exception) => exception is BadRequestKeyError;
    }

    [Fact]
    public async Task TrapHttpException()
    {
        var app = new TrapApp();
        app.Testing = true;
        using var client = app.TestClient();
        await Assert.ThrowsAsync<BadRequestKeyError>(() => client.GetAsync("/missing-key"));
        Assert.Equal(404, (await client.GetAsync("/missing")).StatusCode);
    }

    private sealed class WholeRequestApp : SeamApp
    {
        public override async Task HandleRequestAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["X-Outer"] = "1";
            await base.HandleRequestAsync(httpContext);
        }
    }

    [Fact]
    public async Task HandleRequest()
    {
        using var client = new WholeRequestApp().TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal("1", response.Header("X-Outer"));
        Assert.Equal("index", response.Text);
    }
}
