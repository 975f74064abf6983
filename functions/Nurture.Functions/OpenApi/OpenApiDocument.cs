using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.0 description of every HTTP function, built from the catalog (so it cannot drift from what is
/// served): path, methods, path parameters, and the function-key scheme for function and admin levels.
/// </summary>
public static partial class OpenApiDocument
{
    /// <summary>Builds the document for the catalog's HTTP functions under <paramref name="routePrefix"/>.</summary>
    public static JsonObject Build(FunctionCatalog catalog, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var paths = new JsonObject();
        foreach (var function in catalog.HttpFunctions.OrderBy(f => f.Http.Route ?? f.Name, StringComparer.Ordinal))
        {
            var route = "/" + string.Join('/', new[] { routePrefix.Trim('/'), (function.Http.Route ?? function.Name).Trim('/') }.Where(p => p.Length > 0));
            var path = paths[route] as JsonObject ?? new JsonObject();
            paths[route] = path;
            var methods = function.Http.Methods.Count == 0 ? ["GET", "POST"] : function.Http.Methods;
            foreach (var method in methods)
            {
                path[method.ToLowerInvariant()] = Operation(function, route, methods.Count > 1 ? function.Name + "_" + method : function.Name);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Nurture", ["version"] = "1.0", ["description"] = "Marketing automation for online shops: webhooks, contacts, journeys." },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["functionKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "x-functions-key" },
                    ["functionKeyQuery"] = new JsonObject { ["type"] = "apiKey", ["in"] = "query", ["name"] = "code" },
                },
                ["schemas"] = new JsonObject
                {
                    ["Problem"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["type"] = new JsonObject { ["type"] = "string" },
                            ["title"] = new JsonObject { ["type"] = "string" },
                            ["status"] = new JsonObject { ["type"] = "integer" },
                            ["detail"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
            },
        };
    }

    private static JsonObject Operation(HttpFunction function, string route, string operationId)
    {
        var operation = new JsonObject
        {
            ["operationId"] = operationId,
            ["summary"] = function.Name,
            ["responses"] = new JsonObject
            {
                ["default"] = new JsonObject
                {
                    ["description"] = "Success, or an RFC 7807 problem saying what to fix.",
                    ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } },
                },
            },
        };
        var parameters = new JsonArray();
        foreach (Match match in RouteParameter().Matches(route))
        {
            parameters.Add(new JsonObject { ["name"] = match.Groups["name"].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (function.Http.AuthLevel != AuthorizationLevel.Anonymous)
        {
            operation["security"] = new JsonArray(new JsonObject { ["functionKey"] = new JsonArray() }, new JsonObject { ["functionKeyQuery"] = new JsonArray() });
        }

        return operation;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();
}
