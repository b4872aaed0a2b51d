using Flagon.Exceptions;
using Flagon.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>Error handlers by code and by exception type, the 500 path and logging, propagation and trapping.</summary>
public class ErrorHandlerTests
{
    private class AppError : Exception
    {
        public AppError(string message)
            : base(message)
        {
        }
    }

    private sealed class SpecificError : AppError
    {
        public SpecificError()
            : base("specific")
        {
        }
    }

    private sealed class ImATeapotSubclass : NotFound
    {
    }

    [Fact]
    public async Task HandlersByCodeAndByTypeMostSpecificWins()
    {
        var app = TestApps.New();
        app.ErrorHandler(404, e => ($"custom 404: {e.Description?.Length > 0}", 404));
        app.ErrorHandler<AppError>(e => ($"app error: {e.Message}", 400));
        app.ErrorHandler<SpecificError>(e => ("specific handler", 422));
        app.ErrorHandler<Exception>(e => ("any exception", 500));
        app.Get("/app", string () => throw new AppError("generic"), endpoint: "app_error");
        app.Get("/specific", string () => throw new SpecificError(), endpoint: "specific");
        app.Get("/other", string () => throw new TimeoutException(), endpoint: "other");
        using var client = app.TestClient();
        Assert.Equal("custom 404: True", (await client.GetAsync("/missing")).Text);
        Assert.Equal("app error: generic", (await client.GetAsync("/app")).Text);
        var specific = await client.GetAsync("/specific");
        Assert.Equal(422, specific.StatusCode);
        Assert.Equal("specific handler", specific.Text);
        Assert.Equal("any exception", (await client.GetAsync("/other")).Text);
    }

    [Fact]
    public async Task CodeHandlersCatchSubclassesAndHttpExceptionHandlersCatchAll()
    {
        var app = TestApps.New();
        app.ErrorHandler<HttpException>(e => ($"http {e.Code}", e.Code ?? 500));
        app.ErrorHandler(404, e => "by code");
        app.Get("/sub", string () => throw new ImATeapotSubclass(), endpoint: "sub");
        app.Get("/gone", () => Abort(410), endpoint: "gone");
        using var client = app.TestClient();
        Assert.Equal("by code", (await client.GetAsync("/sub")).Text);
        var gone = await client.GetAsync("/gone");
        Assert.Equal("http 410", gone.Text);
        Assert.Equal(410, gone.StatusCode);
    }

    [Fact]
    public async Task RoutingErrorsReachHandlersButRedirectsDoNot()
    {
        var app = TestApps.New();
        app.ErrorHandler<HttpException>(e => ($"handled {e.Code}", e.Code ?? 500));
        app.Get("/dir/", () => "dir", endpoint: "dir");
        using var client = app.TestClient();
        Assert.Equal("handled 404", (await client.GetAsync("/nope")).Text);
        var methodNotAllowed = await client.PostAsync("/dir/");
        Assert.Equal("handled 405", methodNotAllowed.Text);
        var redirect = await client.GetAsync("/dir");
        Assert.Equal(308, redirect.StatusCode);
        Assert.Equal("http://localhost/dir/", redirect.Location);
    }

    [Fact]
    public async Task ReturningTheExceptionGivesTheDefaultPage()
    {
        var app = TestApps.New();
        app.ErrorHandler(404, e => e);
        using var client = app.TestClient();
        var response = await client.GetAsync("/missing");
        Assert.Equal(404, response.StatusCode);
        Assert.Equal(FlaskFixture.Get("error_pages").GetProperty("404").GetProperty("body").GetString(), response.Text);
    }

    [Fact]
    public async Task UnhandledExceptionsBecomeA500AndAreLogged()
    {
        var logs = new List<string>();
        var app = TestApps.New();
        app.Builder.Logging.ClearProviders();
        app.Builder.Logging.AddProvider(new ListLoggerProvider(logs));
        app.Get("/boom", string () => throw new InvalidOperationException("kaboom"), endpoint: "boom");
        using var client = app.TestClient();
        var response = await client.GetAsync("/boom");
        Assert.Equal(500, response.StatusCode);
        Assert.Equal(FlaskFixture.Get("error_pages").GetProperty("500").GetProperty("body").GetString(), response.Text);
        Assert.Contains(logs, l => l.StartsWith("Error: Exception on /boom [GET]", StringComparison.Ordinal) && l.Contains("kaboom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The500HandlerGetsTheOriginalException()
    {
        var app = TestApps.New();
        app.ErrorHandler(500, e => ($"500 handler: {((InternalServerError)e).OriginalException?.Message}", 500));
        app.AfterRequest(r =>
        {
            r.Headers["X-After"] = "yes";
            return r;
        });
        app.Get("/boom", string () => throw new KeyNotFoundException("missing key"), endpoint: "boom");
        app.Get("/abort", () => Abort(500), endpoint: "abort500");
        using var client = app.TestClient();
        var response = await client.GetAsync("/boom");
        Assert.Equal("500 handler: missing key", response.Text);
        Assert.Equal("yes", response.Header("X-After"));
        Assert.Equal("500 handler: ", (await client.GetAsync("/abort")).Text);
    }

    [Fact]
    public async Task TestingPropagatesExceptions()
    {
        var app = TestApps.New(testing: true);
        app.Get("/boom", string () => throw new InvalidOperationException("propagated"), endpoint: "boom");
        using var client = app.TestClient();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/boom"));
        Assert.Equal("propagated", error.Message);
    }

    [Fact]
    public async Task PropagateExceptionsFalseWinsOverTesting()
    {
        var app = TestApps.New(testing: true);
        app.Config["PROPAGATE_EXCEPTIONS"] = false;
        app.Get("/boom", string () => throw new InvalidOperationException("x"), endpoint: "boom");
        using var client = app.TestClient();
        Assert.Equal(500, (await client.GetAsync("/boom")).StatusCode);
    }

    [Fact]
    public async Task TrapHttpExceptionsTurnsThemIntoOrdinaryErrors()
    {
        var app = TestApps.New(testing: true);
        app.Config["TRAP_HTTP_EXCEPTIONS"] = true;
        app.Get("/", () => Abort(404), endpoint: "i");
        using var client = app.TestClient();
        await Assert.ThrowsAsync<NotFound>(() => client.GetAsync("/"));
    }

    [Fact]
    public async Task AsyncErrorHandlers()
    {
        var app = TestApps.New();
        app.ErrorHandlerAsync(404, async e =>
        {
            await Task.Yield();
            return (object?)("async 404", 404);
        });
        app.ErrorHandlerAsync<FormatException>(async e =>
        {
            await Task.Yield();
            return "async format";
        });
        app.Get("/f", string () => throw new FormatException(), endpoint: "f");
        using var client = app.TestClient();
        Assert.Equal("async 404", (await client.GetAsync("/x")).Text);
        Assert.Equal("async format", (await client.GetAsync("/f")).Text);
    }

    [Fact]
    public void UnknownCodesCannotBeRegistered()
    {
        var app = TestApps.New();
        Assert.Throws<KeyNotFoundException>(() => app.ErrorHandler(299, e => "x"));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _lines;

        public ListLoggerProvider(List<string> lines)
        {
            _lines = lines;
        }

        public ILogger CreateLogger(string categoryName) => new ListLogger(_lines);

        public void Dispose()
        {
        }

        private sealed class ListLogger : ILogger
        {
            private readonly List<string> _lines;

            public ListLogger(List<string> lines)
            {
                _lines = lines;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (_lines)
                {
                    _lines.Add($"{logLevel}: {formatter(state, exception)} {exception?.Message}");
                }
            }
        }
    }
}
