using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Flagon.Testing;

/// <summary>Feeds the in-memory server's requests to the app's request delegate, with DI-scoped contexts.</summary>
internal sealed class PipelineApplication : IHttpApplication<HttpContext>
{
    private readonly RequestDelegate _pipeline;
    private readonly IHttpContextFactory _factory;

    public PipelineApplication(RequestDelegate pipeline, IHttpContextFactory factory)
    {
        _pipeline = pipeline;
        _factory = factory;
    }

    public HttpContext CreateContext(IFeatureCollection contextFeatures) => _factory.Create(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => _pipeline(context);

    public void DisposeContext(HttpContext context, Exception? exception) => _factory.Dispose(context);
}
