using System.Text.Json.Nodes;
using Nurture.Core.Journeys.Validation;

namespace Nurture.Functions.OpenApi;

public static partial class OpenApiDocument
{
    private static JsonObject SecuritySchemes()
    {
        static JsonObject Key(string location, string name, string description) =>
            new() { ["type"] = "apiKey", ["in"] = location, ["name"] = name, ["description"] = description };

        const string function = "A function key (or the host's master key) of the function app.";
        const string master = "The host's master key: admin endpoints take no function key.";
        return new JsonObject
        {
            ["functionKey"] = Key("header", "x-functions-key", function),
            ["functionKeyQuery"] = Key("query", "code", function),
            ["masterKey"] = Key("header", "x-functions-key", master),
            ["masterKeyQuery"] = Key("query", "code", master),
        };
    }

    private static JsonObject Schemas(ApiSchemas schemas)
    {
        // RFC 7807 answers are written by ASP.NET Core's own problem writer, not from a type of ours.
        var problem = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An RFC 7807 problem: what went wrong and what to fix.",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["description"] = "A URI naming the kind of problem." },
                ["title"] = new JsonObject { ["type"] = "string", ["description"] = "What went wrong, in short." },
                ["status"] = new JsonObject { ["type"] = "integer", ["description"] = "The HTTP status code." },
                ["detail"] = new JsonObject { ["type"] = "string", ["description"] = "What to fix." },
                ["instance"] = new JsonObject { ["type"] = "string" },
                ["problems"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = "Every problem of a journey document, when publishing refused it.",
                    ["items"] = schemas.For(typeof(ValidationProblem)),
                },
                ["errors"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = "Every invalid field of a webhook or track delivery.",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["field"] = new JsonObject { ["type"] = "string" },
                            ["message"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
            },
            ["required"] = new JsonArray("title", "status"),
        };
        var components = schemas.Components();
        components[ProblemSchema] = problem;
        return components;
    }
}
