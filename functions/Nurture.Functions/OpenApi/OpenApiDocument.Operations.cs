using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.Functions.OpenApi;

public static partial class OpenApiDocument
{
    /// <summary>The name of the problem+json schema in <c>components/schemas</c>.</summary>
    public const string ProblemSchema = "Problem";

    private const string ProblemContentType = "application/problem+json";

    private static JsonObject Operation(DeclaredHttpFunction function, string route, string operationId, ApiSchemas schemas)
    {
        var operation = new JsonObject
        {
            ["operationId"] = operationId,
            ["summary"] = Sentence(function.Name),
            ["tags"] = new JsonArray(Tag(function)),
        };
        if (Parameters(function, route, schemas) is { Count: > 0 } parameters)
        {
            operation["parameters"] = parameters;
        }

        if (function.RequestBody is { } body)
        {
            var requestBody = new JsonObject { ["required"] = body.Required };
            if (body.Description is { } description)
            {
                requestBody["description"] = description;
            }

            requestBody["content"] = new JsonObject { [body.ContentType] = new JsonObject { ["schema"] = schemas.For(body.Body) } };
            operation["requestBody"] = requestBody;
        }

        operation["responses"] = Responses(function, schemas);
        if (function.AuthLevel != AuthorizationLevel.Anonymous)
        {
            var (header, query) = function.AuthLevel == AuthorizationLevel.Admin ? ("masterKey", "masterKeyQuery") : ("functionKey", "functionKeyQuery");
            operation["security"] = new JsonArray(new JsonObject { [header] = new JsonArray() }, new JsonObject { [query] = new JsonArray() });
        }

        return operation;
    }

    private static JsonArray Parameters(DeclaredHttpFunction function, string route, ApiSchemas schemas)
    {
        var declared = function.Parameters;
        var parameters = new JsonArray();
        foreach (Match match in RouteParameter().Matches(route))
        {
            var name = match.Groups["name"].Value;
            var path = declared.FirstOrDefault(p => p.In == "path" && p.Name == name);
            parameters.Add(Parameter(name, "path", path?.Type ?? typeof(string), required: true, path?.Description, schemas));
        }

        foreach (var parameter in declared.Where(p => p.In != "path"))
        {
            parameters.Add(Parameter(parameter.Name, parameter.In, parameter.Type, parameter.Required, parameter.Description, schemas));
        }

        return parameters;
    }

    private static JsonObject Parameter(string name, string location, Type type, bool required, string? description, ApiSchemas schemas)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = location, ["required"] = required };
        if (description is not null)
        {
            parameter["description"] = description;
        }

        parameter["schema"] = schemas.For(type);
        return parameter;
    }

    private static JsonObject Responses(DeclaredHttpFunction function, ApiSchemas schemas)
    {
        var responses = new JsonObject();
        foreach (var response in function.Responses.OrderBy(r => r.StatusCode))
        {
            var answer = new JsonObject { ["description"] = response.Description ?? ReasonPhrases.GetReasonPhrase(response.StatusCode) };
            if (response.Location)
            {
                answer["headers"] = new JsonObject
                {
                    ["Location"] = new JsonObject
                    {
                        ["description"] = "Where the resource is read, under the same route prefix.",
                        ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "uri-reference" },
                    },
                };
            }

            if (response.IsProblem)
            {
                answer["content"] = new JsonObject { [ProblemContentType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = ApiSchemas.ComponentPrefix + ProblemSchema } } };
            }
            else if (response.Body is { } body)
            {
                answer["content"] = new JsonObject { [response.ContentType] = new JsonObject { ["schema"] = schemas.For(body) } };
            }

            var status = response.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (responses[status] is JsonObject { } earlier && earlier["content"] is JsonObject earlierContent && answer["content"] is JsonObject moreContent)
            {
                // One status in several media types (a report as JSON or CSV): one response listing each.
                foreach (var (mediaType, schema) in moreContent.ToList())
                {
                    earlierContent[mediaType] = schema?.DeepClone();
                }

                continue;
            }

            responses[status] = answer;
        }

        if (function.AuthLevel != AuthorizationLevel.Anonymous && !responses.ContainsKey("401"))
        {
            responses["401"] = new JsonObject { ["description"] = "The function key is missing or wrong (answered by the host, without a body)." };
        }

        if (responses.Count == 0)
        {
            responses["default"] = new JsonObject { ["description"] = "Not declared." };
        }

        return responses;
    }

    private static string Tag(DeclaredHttpFunction function)
    {
        var space = function.Method.DeclaringType?.Namespace ?? string.Empty;
        var area = space.StartsWith(typeof(OpenApiDocument).Namespace![..^".OpenApi".Length] + ".", StringComparison.Ordinal)
            ? space.Split('.')[2]
            : space;
        return area.Length == 0 ? "Functions" : area;
    }

    private static string Sentence(string name) =>
        WordStart().Replace(name, m => " " + m.Value.ToLowerInvariant()).Trim() is { Length: > 0 } words
            ? char.ToUpperInvariant(words[0]) + words[1..]
            : name;

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("(?<=[a-z])[A-Z]")]
    private static partial Regex WordStart();
}
