using System.Text.Json;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.UnitTests.Infrastructure;

namespace Nurture.Functions.UnitTests.Journeys;

/// <summary>Reading drafts and versions back, publishing with a Location, and re-publishing an unchanged draft.</summary>
public sealed class JourneyDesignFunctionsTests
{
    private readonly DesignApi _api = new();

    [Fact]
    public async Task GetDraft_AnswersTheStoredDocumentWithItsValidationReport()
    {
        var id = JourneyDocuments.NewId();
        var document = JourneyDocuments.Welcome(id, next: "nowhere");
        await _api.SaveDraftAsync(id, document);

        var answer = await _api.GetDraftAsync(id);

        Assert.Equal(200, answer.Status);
        var body = answer.Json;
        Assert.Equal(id, body.GetProperty("journey_id").GetString());
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("message").GetString()!.Contains("nowhere", StringComparison.Ordinal));
        Assert.Equal(JourneyJson.Serialize(JourneyJson.Parse(document)), body.GetProperty("draft").GetRawText());
        OpenApiContract.AssertMatches(FunctionNames.GetJourneyDraft, 200, body);
    }

    [Fact]
    public async Task GetDraft_WhenThereIsNone_AnswersAProblem404()
    {
        var answer = await _api.GetDraftAsync(JourneyDocuments.NewId());

        Assert.Equal(404, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Contains("PUT one", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Answers201_WithTheVersionsLocationAndThePublishedDocument()
    {
        var id = JourneyDocuments.NewId();
        await _api.SaveDraftAsync(id, JourneyDocuments.Welcome(id));

        var published = await _api.PublishAsync(id);

        Assert.Equal(201, published.Status);
        Assert.Equal($"/api/journeys/{id}/versions/1", published.Location);
        Assert.Equal(1, published.Json.GetProperty("version").GetInt32());
        Assert.Equal(id, published.Json.GetProperty("id").GetString());
        OpenApiContract.AssertMatches(FunctionNames.PublishJourney, 201, published.Json);

        var read = await _api.GetVersionAsync(id, "1");
        Assert.Equal(200, read.Status);
        Assert.Equal(published.Text, read.Text);
        OpenApiContract.AssertMatches(FunctionNames.GetJourneyVersion, 200, read.Json);
    }

    [Fact]
    public async Task Publish_OfAnUnchangedDraft_MintsNoVersion_AndAnswers200WithTheExistingOne()
    {
        var id = JourneyDocuments.NewId();
        var first = await _api.PublishNewAsync(id, JourneyDocuments.Welcome(id));

        // Saving the same document again (its own version number differs) is still "unchanged".
        await _api.SaveDraftAsync(id, JourneyDocuments.Welcome(id).Replace("\"version\": 7", "\"version\": 1", StringComparison.Ordinal));
        var again = await _api.PublishAsync(id);

        Assert.Equal(200, again.Status);
        Assert.Equal(first.Location, again.Location);
        Assert.Equal(first.Text, again.Text);
        var versions = (await _api.ListVersionsAsync(id)).Json;
        Assert.Equal([1], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        OpenApiContract.AssertMatches(FunctionNames.PublishJourney, 200, again.Json);
    }

    [Fact]
    public async Task Publish_OfAChangedDraft_MintsTheNextVersion_AndKeepsTheOldOne()
    {
        var id = JourneyDocuments.NewId();
        await _api.PublishNewAsync(id, JourneyDocuments.Welcome(id, name: "Welcome"));
        await _api.SaveDraftAsync(id, JourneyDocuments.Welcome(id, name: "Welcome, again"));

        var second = await _api.PublishAsync(id);

        Assert.Equal(201, second.Status);
        Assert.Equal($"/api/journeys/{id}/versions/2", second.Location);
        Assert.Equal("Welcome, again", second.Json.GetProperty("name").GetString());
        Assert.Equal("Welcome", (await _api.GetVersionAsync(id, "1")).Json.GetProperty("name").GetString());
        var versions = (await _api.ListVersionsAsync(id)).Json;
        Assert.Equal(2, versions.GetProperty("latest_version").GetInt32());
    }

    [Fact]
    public async Task Publish_Location_FollowsTheRoutePrefixOfTheRequest()
    {
        var api = new DesignApi(prefix: "/marketing/v1");
        var id = JourneyDocuments.NewId();

        var published = await api.PublishNewAsync(id, JourneyDocuments.Welcome(id));

        Assert.Equal($"/marketing/v1/journeys/{id}/versions/1", published.Location);
    }

    [Fact]
    public async Task Publish_OfAnInvalidDraft_Answers422WithEveryProblem()
    {
        var id = JourneyDocuments.NewId();
        await _api.SaveDraftAsync(id, JourneyDocuments.Welcome(id, next: "nowhere"));

        var refused = await _api.PublishAsync(id);

        Assert.Equal(422, refused.Status);
        Assert.Contains("nowhere", refused.Json.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, (await _api.GetVersionAsync(id, "1")).Status);
    }

    [Theory]
    [InlineData("2", 404)]
    [InlineData("0", 400)]
    [InlineData("one", 400)]
    [InlineData("-1", 400)]
    public async Task GetVersion_ThatIsNotPublished_OrNotANumber_AnswersAProblem(string version, int status)
    {
        var id = JourneyDocuments.NewId();
        await _api.PublishNewAsync(id, JourneyDocuments.Welcome(id));

        var answer = await _api.GetVersionAsync(id, version);

        Assert.Equal(status, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task ListJourneys_ShowsEveryJourney_WithNameLatestVersionPauseDraftAndUpdateTime()
    {
        var draftOnly = "a-" + JourneyDocuments.NewId();
        var published = "b-" + JourneyDocuments.NewId();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        await _api.SaveDraftAsync(draftOnly, JourneyDocuments.Welcome(draftOnly, name: "Only a draft"));
        await _api.PublishNewAsync(published, JourneyDocuments.Welcome(published, name: "Live"));
        await _api.PauseAsync(published);

        var answer = await _api.ListJourneysAsync();

        Assert.Equal(200, answer.Status);
        var body = answer.Json;
        Assert.Equal(2, body.GetProperty("count").GetInt32());
        var journeys = body.GetProperty("journeys").EnumerateArray().ToList();
        Assert.Equal([draftOnly, published], journeys.Select(j => j.GetProperty("journey_id").GetString()));
        Assert.Equal("Only a draft", journeys[0].GetProperty("name").GetString());
        Assert.False(journeys[0].TryGetProperty("latest_version", out _));
        Assert.True(journeys[0].GetProperty("has_draft").GetBoolean());
        Assert.False(journeys[0].GetProperty("paused").GetBoolean());
        Assert.Equal("Live", journeys[1].GetProperty("name").GetString());
        Assert.Equal(1, journeys[1].GetProperty("latest_version").GetInt32());
        Assert.True(journeys[1].GetProperty("paused").GetBoolean());
        Assert.All(journeys, j => Assert.True(j.GetProperty("updated_at").GetDateTimeOffset() > before));
        JsonNames.AssertSnakeCase(body);
        OpenApiContract.AssertMatches(FunctionNames.ListJourneys, 200, body);
    }

    [Fact]
    public async Task DesignAnswers_AreSnakeCase_AndFitTheirDeclaredSchemas()
    {
        var id = JourneyDocuments.NewId();
        var saved = await _api.SaveDraftAsync(id, JourneyDocuments.Welcome(id));
        await _api.PublishAsync(id);
        var versions = await _api.ListVersionsAsync(id);
        var paused = await _api.PauseAsync(id);

        foreach (var (operation, answer) in new[] { (FunctionNames.SaveJourneyDraft, saved), (FunctionNames.ListJourneyVersions, versions), (FunctionNames.PauseJourney, paused) })
        {
            Assert.Equal(200, answer.Status);
            JsonNames.AssertSnakeCase(answer.Json);
            OpenApiContract.AssertMatches(operation, 200, answer.Json);
        }

        Assert.True(saved.Json.GetProperty("valid").GetBoolean());
        Assert.True(paused.Json.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.True, versions.Json.GetProperty("has_draft").ValueKind);
    }
}
