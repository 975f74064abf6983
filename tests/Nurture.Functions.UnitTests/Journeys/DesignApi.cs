using Nurture.Functions.Journeys;
using Nurture.Functions.UnitTests.Infrastructure;

namespace Nurture.Functions.UnitTests.Journeys;

/// <summary>The design functions on storage of the test's own, called as the worker calls them.</summary>
public sealed class DesignApi
{
    public DesignApi(string prefix = "/api")
    {
        Prefix = prefix;
        Storage = new JourneyStorage(TestStorageAccounts.IsolatedAzurite(), TimeProvider.System);
        Functions = new JourneyDesignFunctions(Storage);
    }

    public string Prefix { get; }

    public JourneyStorage Storage { get; }

    public JourneyDesignFunctions Functions { get; }

    public Task<FunctionAnswer> SaveDraftAsync(string journeyId, string document) =>
        FunctionCall.RunAsync(FunctionCall.Request("PUT", $"{Prefix}/journeys/{journeyId}/draft", document), r => Functions.SaveJourneyDraftAsync(r, journeyId, default));

    public Task<FunctionAnswer> GetDraftAsync(string journeyId) =>
        FunctionCall.RunAsync(FunctionCall.Request("GET", $"{Prefix}/journeys/{journeyId}/draft"), r => Functions.GetJourneyDraftAsync(r, journeyId, default));

    public Task<FunctionAnswer> PublishAsync(string journeyId) =>
        FunctionCall.RunAsync(FunctionCall.Request("POST", $"{Prefix}/journeys/{journeyId}/publish"), r => Functions.PublishJourneyAsync(r, journeyId, default));

    public Task<FunctionAnswer> GetVersionAsync(string journeyId, string version) =>
        FunctionCall.RunAsync(FunctionCall.Request("GET", $"{Prefix}/journeys/{journeyId}/versions/{version}"), r => Functions.GetJourneyVersionAsync(r, journeyId, version, default));

    public Task<FunctionAnswer> ListVersionsAsync(string journeyId) =>
        FunctionCall.RunAsync(FunctionCall.Request("GET", $"{Prefix}/journeys/{journeyId}/versions"), r => Functions.ListJourneyVersionsAsync(r, journeyId, default));

    public Task<FunctionAnswer> ListJourneysAsync() =>
        FunctionCall.RunAsync(FunctionCall.Request("GET", $"{Prefix}/journeys"), r => Functions.ListJourneysAsync(r, default));

    public Task<FunctionAnswer> PauseAsync(string journeyId) =>
        FunctionCall.RunAsync(FunctionCall.Request("POST", $"{Prefix}/journeys/{journeyId}/pause"), r => Functions.PauseJourneyAsync(r, journeyId, default));

    /// <summary>Saves the document as the draft and publishes it; fails unless the publish minted a version.</summary>
    public async Task<FunctionAnswer> PublishNewAsync(string journeyId, string document)
    {
        Assert.Equal(200, (await SaveDraftAsync(journeyId, document)).Status);
        var published = await PublishAsync(journeyId);
        Assert.Equal(201, published.Status);
        return published;
    }
}
