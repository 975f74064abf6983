using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI description of every HTTP function (anonymous, like a schema).</summary>
public static class OpenApiFunction
{
    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.OpenApi,
        new HttpTrigger("openapi.json", ["GET"], AuthorizationLevel.Anonymous),
        RunAsync);

    private static Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var catalog = context.Services.GetRequiredService<FunctionCatalog>();
        var prefix = context.Services.GetRequiredService<IOptions<HttpFunctionOptions>>().Value.RoutePrefix;
        return Task.FromResult(Results.Text(OpenApiDocument.Build(catalog, prefix).ToJsonString(), "application/json"));
    }
}
