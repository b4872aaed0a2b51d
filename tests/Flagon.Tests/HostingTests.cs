using Flagon.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flagon.Tests;

/// <summary>Hosting: <c>new FlagonApp()</c> keeps ASP.NET Core's defaults; an app can start from a builder the caller made (the slim builder).</summary>
public class HostingTests
{
    [Fact]
    public void DefaultConstructorKeepsLoggingOn()
    {
        using var app = new FlagonApp(rootPath: AppContext.BaseDirectory);
        Assert.NotEmpty(app.ServiceProvider.GetServices<ILoggerProvider>());
        Assert.True(app.Logger.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public async Task AppOnACallersSlimBuilderTakesItsRootAndNameAndServes()
    {
        var root = Path.Combine(Path.GetTempPath(), "flagon-slim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, ApplicationName = "slimapp" });
            builder.Logging.ClearProviders();
            using var app = new FlagonApp(builder, templateFolder: "views");
            Assert.Same(builder, app.Builder);
            Assert.Equal("slimapp", app.Name);
            Assert.Equal(Path.GetFullPath(root), app.RootPath);
            Assert.Equal(Path.Combine(app.RootPath, "views"), app.TemplateFolder);
            Assert.Equal(Path.Combine(app.RootPath, "static"), app.StaticFolder);
            Assert.Empty(app.ServiceProvider.GetServices<ILoggerProvider>());
            Assert.False(app.Logger.IsEnabled(LogLevel.Critical));

            app.Get("/hello/<name>", (string name) => $"Hello, {name}!");
            using var client = app.TestClient();
            var response = await client.GetAsync("/hello/slim");
            Assert.Equal(200, response.StatusCode);
            Assert.Equal("Hello, slim!", response.Text);
            Assert.Equal(404, (await client.GetAsync("/missing")).StatusCode);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void BuilderIsRequired()
        => Assert.Throws<ArgumentNullException>(() => new FlagonApp((WebApplicationBuilder)null!));
}
