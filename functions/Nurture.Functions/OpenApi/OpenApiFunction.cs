using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nurture.Functions.Http;

namespace Nurture.Functions.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI description of every HTTP function (anonymous, like a schema).</summary>
public sealed class OpenApiFunction
{
    private const string Route = "openapi.json";

    // The document depends only on the assembly and the prefix: build it once per prefix.
    private static readonly ConcurrentDictionary<string, string> Documents = new(StringComparer.Ordinal);

    /// <summary>Answers the document, with paths under the prefix this request came in on.</summary>
    [Function(FunctionNames.OpenApi)]
    [ApiResponse(StatusCodes.Status200OK, typeof(JsonObject), Description = "The OpenAPI 3.1 document.")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request)
    {
        var prefix = RoutePrefix.Of(request, Route);
        var document = Documents.GetOrAdd(prefix, p => OpenApiDocument.Build(typeof(OpenApiFunction).Assembly, p).ToJsonString());
        return ResultAction.From(Results.Text(document, "application/json"));
    }
}
