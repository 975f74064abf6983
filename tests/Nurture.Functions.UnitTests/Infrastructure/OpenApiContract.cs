using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.UnitTests.Infrastructure;

/// <summary>
/// The app's OpenAPI document (under the default <c>api</c> prefix) and checks of served bodies against the schemas
/// it declares, with an independent JSON Schema validator.
/// </summary>
public static class OpenApiContract
{
    private static readonly Lazy<JsonObject> LazyDocument = new(() => OpenApiDocument.Build(typeof(FunctionNames).Assembly, "api"));

    /// <summary>A fresh copy of the document.</summary>
    public static JsonObject Document => (JsonObject)LazyDocument.Value.DeepClone();

    /// <summary>The operation with <paramref name="operationId"/>.</summary>
    public static JsonObject Operation(string operationId) =>
        LazyDocument.Value["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!.AsObject()))
            .Single(operation => (string?)operation["operationId"] == operationId);

    /// <summary>Fails unless <paramref name="body"/> fits the schema the operation declares for <paramref name="status"/>.</summary>
    public static void AssertMatches(string operationId, int status, JsonElement body)
    {
        var response = Operation(operationId)["responses"]?[status.ToString(CultureInfo.InvariantCulture)]
            ?? throw new Xunit.Sdk.XunitException($"{operationId} declares no {status} answer.");
        var content = response["content"]?.AsObject();
        var schema = (content?["application/json"] ?? content?.Single().Value)?["schema"]
            ?? throw new Xunit.Sdk.XunitException($"{operationId} declares no body for {status}.");
        AssertFits(schema, body, $"{operationId} {status}");
    }

    /// <summary>Fails unless <paramref name="body"/> fits the component schema <paramref name="component"/>.</summary>
    public static void AssertMatchesComponent(string component, JsonElement body) =>
        AssertFits(new JsonObject { ["$ref"] = ApiSchemas.ComponentPrefix + component }, body, component);

    private static void AssertFits(JsonNode schema, JsonElement body, string what)
    {
        // A standalone JSON Schema document: the components become $defs, so every $ref resolves inside it.
        var components = LazyDocument.Value["components"]!["schemas"]!.ToJsonString().Replace(ApiSchemas.ComponentPrefix, "#/$defs/", StringComparison.Ordinal);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = JsonNode.Parse(components),
            ["allOf"] = new JsonArray(JsonNode.Parse(schema.ToJsonString().Replace(ApiSchemas.ComponentPrefix, "#/$defs/", StringComparison.Ordinal))),
        };
        var built = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://nurture.invalid/" + Guid.NewGuid().ToString("N")));
        var result = built.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"The {what} body does not fit its schema.\nBody: {body}\nErrors: {string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}"))}");
    }
}
