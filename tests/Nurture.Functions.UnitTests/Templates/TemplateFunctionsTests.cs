using Nurture.Functions.Journeys;
using Nurture.Functions.Templates;
using Nurture.Functions.UnitTests.Infrastructure;

namespace Nurture.Functions.UnitTests.Templates;

/// <summary>The template endpoints answer in the API's casing, with the shapes the OpenAPI document declares.</summary>
public sealed class TemplateFunctionsTests
{
    private readonly TemplateFunctions _functions = new(new JourneyStorage(TestStorageAccounts.IsolatedAzurite(), TimeProvider.System));

    [Fact]
    public async Task SaveGetListAndPreview_AnswerSnakeCase_FittingTheirSchemas()
    {
        const string id = "welcome-email";
        var saved = await FunctionCall.RunAsync(
            FunctionCall.Request("PUT", $"/api/templates/{id}", """{"body": "Hi {{first_name}}", "subject": "Welcome, {{first_name}}"}"""),
            r => _functions.SaveTemplateAsync(r, id, default));
        var read = await FunctionCall.RunAsync(FunctionCall.Request("GET", $"/api/templates/{id}"), r => _functions.GetTemplateAsync(r, id, default));
        var listed = await FunctionCall.RunAsync(FunctionCall.Request("GET", "/api/templates"), r => _functions.ListTemplatesAsync(r, default));
        var preview = await FunctionCall.RunAsync(FunctionCall.Request("POST", $"/api/templates/{id}/preview", """{"values": {}}"""), r => _functions.PreviewTemplateAsync(r, id, default));

        Assert.Equal(200, saved.Status);
        Assert.Equal(id, saved.Json.GetProperty("template_id").GetString());
        Assert.Equal(["first_name"], saved.Json.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(saved.Text, read.Text);
        Assert.Equal(1, listed.Json.GetProperty("count").GetInt32());
        Assert.Equal(["first_name"], preview.Json.GetProperty("unfilled").EnumerateArray().Select(p => p.GetString()).Distinct());
        Assert.Equal("Welcome, ", preview.Json.GetProperty("subject").GetString());
        foreach (var (operation, answer) in new[] { (FunctionNames.SaveTemplate, saved), (FunctionNames.GetTemplate, read), (FunctionNames.ListTemplates, listed), (FunctionNames.PreviewTemplate, preview) })
        {
            JsonNames.AssertSnakeCase(answer.Json);
            OpenApiContract.AssertMatches(operation, 200, answer.Json);
        }
    }
}
