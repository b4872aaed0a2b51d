using Flagon.Jinja;
using Flagon.Testing;
using Microsoft.Extensions.Logging;
using static Flagon.Globals;

namespace Flagon.Tests.Templating;

/// <summary>Template errors go through the app's exception handling: 500 and a log entry naming the template and line; propagated when testing/debugging.</summary>
public class TemplateErrorTests
{
    [Theory]
    [InlineData("syntax.html", "line one\n{% if x %}\nno end", "syntax.html", "line 2")]
    [InlineData("undefined.html", "a\nb\n{{ missing.attr }}", "undefined.html", "line 3")]
    [InlineData("missing.html", null, "missing.html", null)]
    public async Task TemplateErrorsBecomeA500AndTheLogNamesTheTemplateAndLine(string name, string? source, string expectedName, string? expectedLine)
    {
        using var folder = new TemplateFolder();
        if (source is not null)
        {
            folder.Write(name, source);
        }

        var errors = LoggedErrors(folder.App);
        folder.App.Get("/", () => RenderTemplate(name), endpoint: "index");
        using var client = folder.App.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(500, response.StatusCode);
        var error = Assert.IsAssignableFrom<TemplateError>(Assert.Single(errors));
        Assert.Contains(expectedName, error.Message, StringComparison.Ordinal);
        if (expectedLine is not null)
        {
            Assert.Contains(expectedLine, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TemplateErrorsPropagateWhenTesting()
    {
        using var folder = new TemplateFolder(testing: true).Write("bad.html", "{% for %}");
        folder.App.Get("/", () => RenderTemplate("bad.html"), endpoint: "index");
        using var client = folder.App.TestClient();
        var error = await Assert.ThrowsAsync<TemplateSyntaxError>(() => client.GetAsync("/"));
        Assert.Equal("bad.html", error.TemplateName);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public async Task InDebugTemplateErrorsPropagateToTheDeveloperPage()
    {
        using var folder = new TemplateFolder().Write("bad.html", "ok\n{{ 1 + }}");
        folder.App.Debug = true;
        var handled = false;
        folder.App.ErrorHandler(500, e =>
        {
            handled = true;
            return "handled";
        });
        folder.App.Get("/", () => RenderTemplate("bad.html"), endpoint: "index");
        using var client = folder.App.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(500, response.StatusCode);
        Assert.False(handled);
        Assert.Contains("TemplateSyntaxError", response.Text, StringComparison.Ordinal);
        Assert.Contains("bad.html, line 2", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorHandlersCanRenderTemplates()
    {
        using var folder = new TemplateFolder().Write("404.html", "not here: {{ request.path }} {{ error.code }}");
        folder.App.ErrorHandler(404, e => (RenderTemplate("404.html", new { error = e }), 404));
        using var client = folder.App.TestClient();
        var response = await client.GetAsync("/nope");
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("not here: /nope 404", response.Text);
    }

    [Fact]
    public async Task AnHttpErrorRaisedInATemplateKeepsItsStatus()
    {
        using var folder = new TemplateFolder().Write("form.html", "title: {{ request.form['title'] }}");
        folder.App.Post("/", () => RenderTemplate("form.html"), endpoint: "index");
        using var client = folder.App.TestClient();
        var response = await client.PostAsync("/", data: "no boundary line at all", contentType: "multipart/form-data; boundary=xyz");
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Bad Request", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExceptionRaisedInATemplateGoesToItsHandler()
    {
        using var folder = new TemplateFolder().Write("page.html", "a\n{{ check() }}");
        folder.App.TemplateGlobal("check", new Func<string>(() => throw new InvalidOperationException("quota")));
        folder.App.ErrorHandler<InvalidOperationException>(e => ("handled: " + e.Message, 429));
        folder.App.Get("/", () => RenderTemplate("page.html"), endpoint: "index");
        using var client = folder.App.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(429, response.StatusCode);
        Assert.Equal("handled: quota", response.Text);
    }

    [Fact]
    public async Task AnUnhandledExceptionRaisedInATemplateIsA500NamingTheTemplate()
    {
        using var folder = new TemplateFolder().Write("page.html", "a\n{{ check() }}");
        var errors = LoggedErrors(folder.App);
        folder.App.TemplateGlobal("check", new Func<string>(() => throw new InvalidOperationException("quota")));
        folder.App.ErrorHandler<ArgumentException>(e => "not this one");
        folder.App.Get("/", () => RenderTemplate("page.html"), endpoint: "index");
        using var client = folder.App.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(500, response.StatusCode);
        var error = Assert.IsType<TemplateRuntimeError>(Assert.Single(errors));
        Assert.Equal(("page.html", 2), (error.TemplateName, error.LineNumber));
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    /// <summary>The exceptions the app logs, in place of its logging providers.</summary>
    private static List<Exception> LoggedErrors(FlagonApp app)
    {
        var errors = new List<Exception>();
        app.Builder.Logging.ClearProviders();
        app.Builder.Logging.AddProvider(new ExceptionLoggerProvider(errors));
        return errors;
    }

    private sealed class ExceptionLoggerProvider(List<Exception> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ExceptionLogger(errors);

        public void Dispose()
        {
        }

        private sealed class ExceptionLogger(List<Exception> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (exception is not null)
                {
                    lock (errors)
                    {
                        errors.Add(exception);
                    }
                }
            }
        }
    }
}
