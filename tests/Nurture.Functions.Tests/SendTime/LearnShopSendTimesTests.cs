using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.SendTime;
using Nurture.Functions.SendTime;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Repositories;
using Nurture.Storage.SendTime;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.SendTime;

/// <summary>The <c>LearnShopSendTimes</c> timer on the real host: builds and stores the shop pattern once, which the advice then uses.</summary>
public sealed class LearnShopSendTimesTests
{
    private const string NewYork = "America/New_York";
    private static readonly TimeZoneInfo NewYorkZone = TimeZoneInfo.FindSystemTimeZoneById(NewYork);

    [Fact]
    public async Task AMissedHour_IsCaughtUpAtStart_BuildsThePatternOnce_AndANewContactIsAdvisedFromIt()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        var profiles = new ProfileStore(storage.Tables);
        await profiles.InitializeAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 16; i++)
        {
            await SeededRoutines.SeedAsync(profiles, $"evening-{i}", NewYork, SeededRoutines.Daily(NewYorkZone, new TimeOnly(20, 15 + i), 20, now));
        }

        await SeededRoutines.SeedAsync(profiles, "newcomer", NewYork, SendTimeModel.Empty);

        await MissedTimerRun.MarkAsync(storage.Tables, FunctionNames.LearnShopSendTimes, TimeSpan.FromHours(1));

        await using var host = await FunctionTestHost.StartAsync(settings: new Dictionary<string, string?> { ["SendTime:Shop:TimeZone"] = NewYork }, storage: storage);
        var store = new ShopSendTimeStore(storage.Tables);
        var pattern = await Poll.UntilAsync(() => store.GetAsync(), TimeSpan.FromSeconds(60), "the timer stored the shop pattern");

        Assert.Equal(16, pattern.ContactCount);
        Assert.Equal(NewYork, pattern.TimeZone);
        Assert.InRange(pattern.BuiltAt!.Value, now.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(NewYork, pattern.Zones[0].TimeZone);

        // A second run within the hour (another past-due catch-up, a retry) keeps what is stored.
        var again = await host.Services.GetRequiredService<ShopSendTimeLearner>().LearnAsync(CancellationToken.None);
        Assert.False(again.Built);
        Assert.Equal(pattern.BuiltAt, (await store.GetAsync())!.BuiltAt);

        // The newcomer has no evidence: the advice is the stored shop pattern's, exactly as the advisor gives it.
        var from = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/contacts/newcomer/send-time?within=24h&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}");
        request.Headers.Add("x-functions-key", FunctionTestHost.FunctionKey);
        using var response = await host.Client.SendAsync(request);
        var advice = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var expected = SendTimeAdvisor.Advise(null, NewYork, pattern, from, TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("shop", advice.GetProperty("basis").GetString());
        Assert.Equal(0, advice.GetProperty("evidence_count").GetInt32());
        Assert.Equal(expected.At, advice.GetProperty("at").GetDateTimeOffset());
        Assert.NotEqual(SendTimeAdvisor.Advise(null, NewYork, null, from, TimeSpan.FromHours(24)).Basis, expected.Basis);
    }
}
