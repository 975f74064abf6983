using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using Nurture.Functions.OpenApi;
using Nurture.Functions.UnitTests.Infrastructure;
using AppDocument = Nurture.Functions.OpenApi.OpenApiDocument;

namespace Nurture.Functions.UnitTests.OpenApi;

/// <summary>The served OpenAPI document: complete, resolvable, with real schemas for every declared body.</summary>
public sealed class OpenApiDocumentTests
{
    private static readonly IReadOnlyList<DeclaredHttpFunction> Functions = [.. AppDocument.HttpFunctions(typeof(FunctionNames).Assembly)];

    [Fact]
    public void TheAppHasHttpFunctions_FoundByReflection()
    {
        Assert.True(Functions.Count >= 30, $"Only {Functions.Count} HTTP functions were found.");
        Assert.Contains(Functions, f => f.Name == FunctionNames.ListJourneys);
    }

    [Fact]
    public async Task TheFunction_ServesTheDocument_UnderThePrefixOfTheRequest()
    {
        var answer = await FunctionCall.ExecuteAsync(
            FunctionCall.Request("GET", "/marketing/openapi.json"),
            new OpenApiFunction().Run(FunctionCall.Request("GET", "/marketing/openapi.json")));

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("application/json", answer.ContentType, StringComparison.Ordinal);
        Assert.Equal(AppDocument.Version, answer.Json.GetProperty("openapi").GetString());
        Assert.All(answer.Json.GetProperty("paths").EnumerateObject(), p => Assert.StartsWith("/marketing/", p.Name, StringComparison.Ordinal));
        Assert.True(answer.Json.GetProperty("paths").TryGetProperty("/marketing/journeys/{journeyId}/versions/{version}", out _));
    }

    [Fact]
    public void EveryHttpFunction_DeclaresAtLeastOneSuccessAnswer()
    {
        var undeclared = Functions.Where(f => !f.Responses.Any(r => r.StatusCode is >= 200 and < 300)).Select(f => f.Name).ToList();
        Assert.True(undeclared.Count == 0, "No [ApiResponse] for a 2xx answer: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void EveryRouteParameter_IsAParameterOfTheFunctionMethod()
    {
        foreach (var function in Functions)
        {
            var names = function.Method.GetParameters().Select(p => p.Name).ToHashSet();
            foreach (var segment in function.Route.Split('/').Where(s => s.StartsWith('{')))
            {
                Assert.Contains(segment.Trim('{', '}').Split(':')[0], names);
            }
        }
    }

    [Fact]
    public void EveryHttpFunction_HasItsOperation_UnderItsPath_WithEveryDeclaredStatus()
    {
        var document = OpenApiContract.Document;
        foreach (var function in Functions)
        {
            var path = document["paths"]![AppDocument.PathOf("api", function.Route)];
            Assert.NotNull(path);
            foreach (var method in function.Methods)
            {
                var operation = path![method.ToLowerInvariant()]!.AsObject();
                Assert.StartsWith(function.Name, (string?)operation["operationId"], StringComparison.Ordinal);
                var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
                Assert.All(function.Responses, r => Assert.Contains(r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), statuses));
                Assert.Equal(function.AuthLevel != AuthorizationLevel.Anonymous, operation.ContainsKey("security"));
            }
        }
    }

    [Fact]
    public void EveryDeclaredBody_HasANonEmptySchema()
    {
        var document = OpenApiContract.Document;
        var schemas = OpenApiWalk.BodySchemas(document).ToList();
        Assert.NotEmpty(schemas);
        foreach (var (where, schema) in schemas)
        {
            var resolved = OpenApiWalk.Resolve(document, schema);
            Assert.True(OpenApiWalk.IsConstraining(resolved), $"The schema of {where} is empty: {resolved?.ToJsonString()}");
        }
    }

    [Fact]
    public void EveryComponentSchema_IsNonEmpty()
    {
        var components = OpenApiContract.Document["components"]!["schemas"]!.AsObject();
        Assert.True(components.Count > 20);
        Assert.All(components, c => Assert.True(OpenApiWalk.IsConstraining(c.Value), $"{c.Key} is empty: {c.Value?.ToJsonString()}"));
    }

    [Fact]
    public void EveryRef_ResolvesInsideTheDocument()
    {
        var document = OpenApiContract.Document;
        var references = new List<string>();
        OpenApiWalk.CollectRefs(document, references);
        Assert.Contains(ApiSchemas.ComponentPrefix + "JourneyDefinition", references);
        foreach (var reference in references.Distinct())
        {
            Assert.StartsWith(ApiSchemas.ComponentPrefix, reference, StringComparison.Ordinal);
            Assert.True(OpenApiWalk.Pointer(document, reference) is not null, $"{reference} does not resolve.");
        }
    }

    [Fact]
    public void JourneyNodes_AreOneOfTheirTypes_WithADiscriminator()
    {
        var schemas = OpenApiContract.Document["components"]!["schemas"]!;
        var node = schemas["JourneyNode"]!;
        Assert.Equal(8, node["oneOf"]!.AsArray().Count);
        Assert.Equal("type", (string?)node["discriminator"]!["propertyName"]);
        Assert.Equal(ApiSchemas.ComponentPrefix + "SendEmailNode", (string?)node["discriminator"]!["mapping"]!["send_email"]);
        Assert.Equal(ApiSchemas.ComponentPrefix + "WaitForEventNode", (string?)node["discriminator"]!["mapping"]!["wait_for_event"]);
        var sendEmail = schemas["SendEmailNode"]!;
        Assert.Equal("send_email", (string?)sendEmail["properties"]!["type"]!["const"]);
        Assert.Contains("type", sendEmail["required"]!.AsArray().Select(r => (string?)r));
        Assert.NotNull(sendEmail["properties"]!["best_time"]);
        Assert.Equal(ApiSchemas.ComponentPrefix + "JourneyNode", (string?)schemas["JourneyDefinition"]!["properties"]!["nodes"]!["items"]!["$ref"]);
    }

    [Fact]
    public void Enums_AreStringsWithTheirSnakeCaseValues()
    {
        var status = OpenApiContract.Document["components"]!["schemas"]!["JourneyStatus"]!;
        Assert.Equal("string", (string?)status["type"]);
        Assert.Contains("waiting_for_event", status["enum"]!.AsArray().Select(v => (string?)v));
        // Two enums are called DeliveryStatus (a webhook receipt's, a send's delivery history's): whichever the document
        // meets second is named in full, so follow the reference rather than expect a name.
        var receipt = OpenApiContract.Document["components"]!["schemas"]!["DeliveryReceipt"]!;
        var reference = (string?)receipt["properties"]!["status"]!["$ref"];
        Assert.StartsWith(ApiSchemas.ComponentPrefix, reference, StringComparison.Ordinal);
        var receiptStatus = OpenApiContract.Document["components"]!["schemas"]![reference![ApiSchemas.ComponentPrefix.Length..]]!;
        Assert.Equal("string", (string?)receiptStatus["type"]);
        Assert.Equal(["accepted", "ignored"], receiptStatus["enum"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Parameters_CarryTheirTypes()
    {
        var version = OpenApiContract.Operation(FunctionNames.GetJourneyVersion)["parameters"]!.AsArray();
        Assert.Equal(["journeyId", "version"], version.Select(p => (string?)p!["name"]));
        Assert.All(version, p => Assert.Equal("path", (string?)p!["in"]));
        Assert.Equal("integer", (string?)version[1]!["schema"]!["type"]);

        var listing = OpenApiContract.Operation(FunctionNames.ListJourneyInstances)["parameters"]!.AsArray();
        var status = listing.Single(p => (string?)p!["name"] == "status")!;
        Assert.Equal("query", (string?)status["in"]);
        Assert.Equal(ApiSchemas.ComponentPrefix + "JourneyStatus", (string?)status["schema"]!["$ref"]);

        var shopify = OpenApiContract.Operation(FunctionNames.ShopifyWebhook)["parameters"]!.AsArray();
        Assert.Contains(shopify, p => (string?)p!["name"] == "X-Shopify-Hmac-Sha256" && (string?)p["in"] == "header" && (bool)p["required"]!);
    }

    [Fact]
    public void Errors_AreProblemJson_AndKeyedOperationsNameTheKeySchemes()
    {
        var publish = OpenApiContract.Operation(FunctionNames.PublishJourney);
        var refused = publish["responses"]!["422"]!["content"]!["application/problem+json"]!["schema"]!;
        Assert.Equal(ApiSchemas.ComponentPrefix + AppDocument.ProblemSchema, (string?)refused["$ref"]);
        Assert.NotNull(publish["responses"]!["201"]!["headers"]!["Location"]);
        Assert.Equal(["functionKey", "functionKeyQuery"], publish["security"]!.AsArray().Select(s => s!.AsObject().Single().Key));
        var schemes = OpenApiContract.Document["components"]!["securitySchemes"]!;
        Assert.Equal("x-functions-key", (string?)schemes["functionKey"]!["name"]);
        Assert.Equal("code", (string?)schemes["functionKeyQuery"]!["name"]);
        Assert.False(OpenApiContract.Operation(FunctionNames.ShopifyWebhook).ContainsKey("security"));
    }

    [Fact]
    public void TheDocument_ReadsWithoutErrors_InTheOpenApiReferenceLibrary()
    {
        var json = OpenApiContract.Document.ToJsonString();

        var (document, diagnostic) = Microsoft.OpenApi.OpenApiDocument.Parse(json, "json");

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        var errors = document!.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        Assert.Equal(Functions.Sum(f => f.Methods.Count), document.Paths.Sum(p => p.Value.Operations?.Count ?? 0));
    }
}
