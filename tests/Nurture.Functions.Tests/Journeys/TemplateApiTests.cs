using System.Net;
using System.Text;
using System.Text.Json;
using Nurture.Functions.Tests.Ingestion;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Message templates over HTTP on the full app, and publish refusing journeys whose templates are missing.</summary>
[Collection(IngestionCollection.Name)]
public sealed class TemplateApiTests(IngestionHostFixture fixture)
{
    [Fact]
    public async Task Save_Get_List_AndPreview()
    {
        var id = "winback-" + Guid.NewGuid().ToString("N")[..8];

        using var saved = await SendAsync(HttpMethod.Put, $"api/templates/{id}", """{ "subject": "{{first_name}}, we miss you", "body": "<p>Hi {{ first_name }}, here is {{coupon}}.</p>" }""");
        var view = await JsonAsync(saved);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["first_name", "coupon"], view.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));

        using var read = await SendAsync(HttpMethod.Get, $"api/templates/{id}");
        Assert.Equal("<p>Hi {{ first_name }}, here is {{coupon}}.</p>", (await JsonAsync(read)).GetProperty("body").GetString());

        using var listed = await SendAsync(HttpMethod.Get, "api/templates");
        Assert.Contains((await JsonAsync(listed)).GetProperty("templates").EnumerateArray(), t => t.GetProperty("template_id").GetString() == id);

        using var preview = await SendAsync(HttpMethod.Post, $"api/templates/{id}/preview", """{ "values": { "FIRST_NAME": "Zoë" } }""");
        var rendered = await JsonAsync(preview);
        Assert.Equal("Zoë, we miss you", rendered.GetProperty("subject").GetString());
        Assert.Equal("<p>Hi Zoë, here is .</p>", rendered.GetProperty("body").GetString());
        Assert.Equal(["coupon"], rendered.GetProperty("unfilled").EnumerateArray().Select(p => p.GetString()));

        using var replaced = await SendAsync(HttpMethod.Put, $"api/templates/{id}", """{ "body": "Second version" }""");
        using var reread = await SendAsync(HttpMethod.Get, $"api/templates/{id}");
        var second = await JsonAsync(reread);
        Assert.Equal("Second version", second.GetProperty("body").GetString());
        Assert.False(second.TryGetProperty("subject", out var subject) && subject.ValueKind != JsonValueKind.Null, "the replaced template kept its subject");
    }

    [Fact]
    public async Task ALargeHtmlBody_IsKeptWhole()
    {
        var id = "newsletter-" + Guid.NewGuid().ToString("N")[..8];
        var body = string.Concat(Enumerable.Repeat("<tr><td>Hand-poured candle, {{first_name}}</td></tr>", 2_000));

        using var saved = await SendAsync(HttpMethod.Put, $"api/templates/{id}", JsonSerializer.Serialize(new { subject = "News", body }));
        using var read = await SendAsync(HttpMethod.Get, $"api/templates/{id}");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(body, (await JsonAsync(read)).GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("ok-id", """{ "subject": "Hi" }""", "body is required")]
    [InlineData("ok-id", """{ "body": "Hi {{first_name" }""", "never closed")]
    [InlineData("ok-id", """{ "body": "Hi {{first name}}" }""", "placeholder name")]
    [InlineData("ok-id", """{ "body": 5 }""", "not a template")]
    [InlineData("bad%20id", """{ "body": "Hi" }""", "must be 1 to 128")]
    public async Task BadTemplates_Get400ProblemsNamingTheFault(string id, string json, string expected)
    {
        using var response = await SendAsync(HttpMethod.Put, $"api/templates/{id}", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongContentType_Gets415_AndUnknownTemplates404()
    {
        using var form = await fixture.SendWithKeyAsync(HttpMethod.Put, "api/templates/x1", new StringContent("body=hi", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var missing = await SendAsync(HttpMethod.Get, "api/templates/never-saved-" + Guid.NewGuid().ToString("N")[..6]);
        using var missingPreview = await SendAsync(HttpMethod.Post, "api/templates/never-saved/preview", "{}");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingPreview.StatusCode);
    }

    [Fact]
    public async Task Publish_RefusesMissingTemplatesAndSubjectlessEmails_UntilTheTemplatesExist()
    {
        var journeyId = "thanks-" + Guid.NewGuid().ToString("N")[..8];
        var template = journeyId + "-email";
        using (await SendAsync(HttpMethod.Put, $"api/journeys/{journeyId}/draft", Journey(journeyId, template)))
        {
        }

        using var validated = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/validate");
        var report = await JsonAsync(validated);
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal("nodes[0].template", report.GetProperty("problems")[0].GetProperty("path").GetString());

        using var missing = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains($"template '{template}', which does not exist", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (await SendAsync(HttpMethod.Put, $"api/templates/{template}", """{ "body": "Thank you, {{first_name}}." }"""))
        {
        }

        using var subjectless = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, subjectless.StatusCode);
        Assert.Contains("nodes[0].channel.subject", await subjectless.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (await SendAsync(HttpMethod.Put, $"api/templates/{template}", """{ "subject": "Thank you", "body": "Thank you, {{first_name}}." }"""))
        {
        }

        using var published = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
    }

    private static string Journey(string id, string template) => $$"""
        {
          "id": "{{id}}", "name": "Thanks", "version": 1,
          "entry": { "kind": "api" },
          "start": "thank",
          "nodes": [
            { "type": "send_email", "id": "thank", "template": "{{template}}", "channel": { "sender": "shop@example.com" }, "next": null }
          ]
        }
        """;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null) =>
        fixture.SendWithKeyAsync(method, path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
