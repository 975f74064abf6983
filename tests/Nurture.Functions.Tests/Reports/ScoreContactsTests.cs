using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Portrait;
using Nurture.Core.Metrics.Scoring;
using Nurture.Core.Profiles;
using Nurture.Functions.Contacts;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.Reports;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Metrics;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Reports;

/// <summary>The <c>ScoreContacts</c> timer on the real host over <see cref="ScoredShop"/>, every figure computed by hand.</summary>
/// <remarks>
/// With five buyers the cuts (cut k at position k of five) are: recency 3, 5, 19, 25 days; frequency 1, 1, 1, 2;
/// monetary 30, 40, 60, 150; order value 30, 40, 50, 60. So dan 3 days, 2 orders, 200 → 545 champions; ann 5 days,
/// 3 orders, 150 → 454 champions; fay 19 days, 60 → 313 promising; ben 25 days, 40 → 212 about to sleep, order value
/// 2 + monetary 2 = spending power low, value low; cat 50 days, 30 → 111 lost.
/// </remarks>
public sealed class ScoreContactsTests
{
    private const string WinBack = "win-back-on-dormant";

    [Fact]
    public async Task APastDueRun_ScoresTheShop_WritesPortraits_StartsTheWinBack_AndLaterRunsRescoreOnlyChangedAndDueContacts()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        var seededAt = DateTimeOffset.UtcNow;
        ScoredShop shop;
        await using (var seeding = await FunctionTestHost.StartAsync(settings: ScoredShop.Settings, storage: storage))
        {
            shop = new ScoredShop(seeding);
            await shop.SeedAsync(seededAt);
            await PublishWinBackAsync(seeding);
            await seeding.StopAsync();
        }

        await MissedTimerRun.MarkAsync(storage.Tables, FunctionNames.ScoreContacts, TimeSpan.FromDays(1));
        await using var host = await FunctionTestHost.StartAsync(settings: ScoredShop.Settings, storage: storage);
        shop.Host = host;
        var reports = new ReportStore(storage.Tables);
        var stored = await Poll.UntilAsync(() => reports.GetAsync(ReportKinds.Lifecycle), TimeSpan.FromSeconds(60), "the timer stored the lifecycle report");
        var first = MetricsJson.Deserialize<LifecycleReport>(stored.Json);

        Assert.Equal((10d, 20d, 40d, 6), (first.PurchaseCycleDays, first.DormantAfterDays, first.ChurnedAfterDays, first.Contacts));
        Assert.Equal([1, 1, 1, 1, 1, 1], first.Stages.Select(s => s.Contacts));
        Assert.Equal((2, 350m), Segment(first, RfmSegment.Champions));
        Assert.Equal((1, 60m), Segment(first, RfmSegment.Promising));
        Assert.Equal((1, 40m), Segment(first, RfmSegment.AboutToSleep));
        Assert.Equal((1, 30m), Segment(first, RfmSegment.Lost));
        Assert.Equal([(1, 1), (2, 1), (3, 1), (4, 5), (5, 4)], first.RecencyFrequency.Where(c => c.Contacts > 0).Select(c => (c.Recency, c.Frequency)));
        Assert.Equal(DateOnly.FromDateTime(stored.ComputedAt.UtcDateTime), stored.ReadThrough);

        var storageServices = host.Services.GetRequiredService<IngestionStorage>();
        var ben = (await shop.ContactIdAsync(shop.Ben))!;
        var benProfile = (await storageServices.Profiles.GetAsync(ben))!;
        Assert.Equal("dormant", benProfile.Attribute(PortraitAttributes.LifecycleStage));
        Assert.Equal("212", benProfile.Attribute(PortraitAttributes.RfmCode));
        Assert.Equal(MetricNames.Of(RfmSegment.AboutToSleep), benProfile.Attribute(PortraitAttributes.RfmSegment));
        Assert.Equal("10", benProfile.Attribute(PortraitAttributes.PurchaseCycleDays));
        Assert.Equal("low", benProfile.Attribute(PortraitAttributes.SpendingPower));
        foreach (var tag in new[] { "lifecycle_dormant", "rfm_" + MetricNames.Of(RfmSegment.AboutToSleep), "order_overdue", "spending_power_low", "value_low", "purchaser" })
        {
            Assert.Contains(tag, benProfile.Tags.Keys);
        }

        Assert.Equal(TagSource.Computed, benProfile.Tags["lifecycle_dormant"].Source);
        var eve = (await storageServices.Profiles.GetAsync((await shop.ContactIdAsync(shop.Eve))!))!;
        Assert.Equal("prospect", eve.Attribute(PortraitAttributes.LifecycleStage));
        Assert.Contains("interest:shoes", eve.Tags.Keys);
        Assert.Contains("interest_product:p9", eve.Tags.Keys);
        Assert.Null(eve.Attribute(PortraitAttributes.RfmCode));

        // ben's first stage is an event through ingestion, and the win-back journey started on it (nobody else is dormant).
        var changed = await StageEventsAsync(storageServices, ben);
        Assert.Equal("dormant", Assert.Single(changed).Properties.GetProperty(StageChange.ToProperty).GetString());
        await WaitForWinBackAsync(host, ben);
        Assert.Empty(await host.Services.GetRequiredService<JourneyStorage>().Instances.ListForContactAsync((await shop.ContactIdAsync(shop.Ann))!, WinBack));

        // Run again at once (a second catch-up, a retry): the report is kept.
        var again = await host.Services.GetRequiredService<ContactScoringRunner>().ScoreAsync(Durable(host), rebuild: false, CancellationToken.None);
        Assert.False(again.Computed);

        // ann buys again; an hour later fay has crossed into dormant by time alone. Only those two are rescored.
        var ann = (await shop.ContactIdAsync(shop.Ann))!;
        await shop.OrderAsync(shop.Ann, Random.Shared.NextInt64(10_000_000, 90_000_000), DateTimeOffset.UtcNow.AddMinutes(-1), 60m);
        await shop.WaitForOrdersAsync(shop.Ann, 4);
        var later = await Runner(host, TimeSpan.FromHours(1)).ScoreAsync(Durable(host), rebuild: false, CancellationToken.None);
        var second = await ReadAsync(storage.Tables);

        Assert.Equal((true, false, 1, 1, 2, 1, 6), (later.Computed, later.ModelRebuilt, later.Changed, later.Due, later.Rescored, later.StageChanges, later.Contacts));
        Assert.Equal([1, 0, 1, 1, 2, 1], second.Stages.Select(s => s.Contacts));
        Assert.Equal((2, 410m), Segment(second, RfmSegment.Champions));
        Assert.Equal((2, 100m), Segment(second, RfmSegment.AboutToSleep));
        Assert.Equal((0, 0m), Segment(second, RfmSegment.Promising));
        var fay = (await shop.ContactIdAsync(shop.Fay))!;
        var fayChange = Assert.Single(await StageEventsAsync(storageServices, fay), e => e.Properties.GetProperty(StageChange.ToProperty).GetString() == "dormant");
        Assert.Equal("new", fayChange.Properties.GetProperty(StageChange.FromProperty).GetString());
        await WaitForWinBackAsync(host, fay);
        Assert.Equal("champions", (await storageServices.Profiles.GetAsync(ann))!.Attribute(PortraitAttributes.RfmSegment));

        // The same hour again, now past the refresh time: nothing changed and nothing is due, so nobody is rescored.
        var idle = await Runner(host, TimeSpan.FromHours(2)).ScoreAsync(Durable(host), rebuild: false, CancellationToken.None);
        Assert.Equal((true, 0, 0, 0, 6), (idle.Computed, idle.Changed, idle.Due, idle.StageChanges, idle.Contacts));
        Assert.Single(await StageEventsAsync(storageServices, ben));
        Assert.Single(await host.Services.GetRequiredService<JourneyStorage>().Instances.ListForContactAsync(ben, WinBack));
    }

    [Fact]
    public async Task Recompute_RescoresEveryone_WithoutRepeatingStageChanges_AndAnErasedContactLeavesTheNextReport()
    {
        var storage = TestStorageAccounts.IsolatedAzurite();
        await using var host = await FunctionTestHost.StartAsync(settings: ScoredShop.Settings, storage: storage);
        var shop = new ScoredShop(host);
        await shop.SeedAsync(DateTimeOffset.UtcNow);
        var runner = host.Services.GetRequiredService<ContactScoringRunner>();
        var first = await runner.ScoreAsync(Durable(host), rebuild: false, CancellationToken.None);
        Assert.Equal((true, true, 6, 6, 6), (first.Computed, first.ModelRebuilt, first.Rescored, first.StageChanges, first.Contacts));

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/reports/recompute");
        request.Headers.Add("x-functions-key", FunctionTestHost.MasterKey);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recomputed = JsonSerializer.Deserialize<RecomputedReports>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;
        Assert.True(recomputed.Retention.Computed);
        Assert.Equal((true, true, 6, 0, 6), (recomputed.Scoring.Computed, recomputed.Scoring.ModelRebuilt, recomputed.Scoring.Rescored, recomputed.Scoring.StageChanges, recomputed.Scoring.Contacts));

        var storageServices = host.Services.GetRequiredService<IngestionStorage>();
        var ben = (await shop.ContactIdAsync(shop.Ben))!;
        Assert.NotNull(await storageServices.Scores.GetAsync(ben));
        Assert.True(await host.Services.GetRequiredService<ContactEraser>().EraseAsync(ben, "test", host.Services.GetRequiredService<JourneyEventRouter>().For(Durable(host)), CancellationToken.None));
        Assert.Null(await storageServices.Scores.GetAsync(ben));
        await Runner(host, TimeSpan.FromHours(1)).ScoreAsync(Durable(host), rebuild: false, CancellationToken.None);
        var report = await ReadAsync(storage.Tables);

        Assert.Equal(5, report.Contacts);
        // fay has crossed into dormant (and 20 days: R 2, about to sleep) meanwhile; ben's 40 went with him.
        Assert.Equal(1, report.Stages.Single(s => s.Stage == LifecycleStage.Dormant).Contacts);
        Assert.Equal((1, 60m), Segment(report, RfmSegment.AboutToSleep));
        Assert.Equal(4, report.RecencyFrequency.Sum(c => c.Contacts));
    }

    private static (int Contacts, decimal NetRevenue) Segment(LifecycleReport report, RfmSegment segment)
    {
        var row = report.Segments.Single(s => s.Segment == segment);
        return (row.Contacts, row.NetRevenue);
    }

    private static DurableTaskClient Durable(FunctionTestHost host) => host.Services.GetRequiredService<DurableTaskClient>();

    private static ContactScoringRunner Runner(FunctionTestHost host, TimeSpan later)
    {
        var services = host.Services;
        return new ContactScoringRunner(
            services.GetRequiredService<IngestionStorage>(),
            services.GetRequiredService<ReportStore>(),
            services.GetRequiredService<OrderFactCollector>(),
            services.GetRequiredService<InboundEventProcessor>(),
            services.GetRequiredService<JourneyEventRouter>(),
            services.GetRequiredService<IOptions<ReportOptions>>(),
            services.GetRequiredService<IOptions<ScoringSettings>>(),
            services.GetRequiredService<IOptions<PortraitSettings>>(),
            new ShiftedClock(later),
            NullLogger<ContactScoringRunner>.Instance);
    }

    private static async Task<LifecycleReport> ReadAsync(TableServiceClient tables) =>
        MetricsJson.Deserialize<LifecycleReport>((await new ReportStore(tables).GetAsync(ReportKinds.Lifecycle))!.Json);

    private static async Task<List<Core.Events.CanonicalEvent>> StageEventsAsync(IngestionStorage storage, string contactId)
    {
        var found = new List<Core.Events.CanonicalEvent>();
        await foreach (var stored in storage.Events.ReadTimelineAsync(contactId))
        {
            if (stored.Event.Type == StageChange.EventType)
            {
                found.Add(stored.Event);
            }
        }

        return found;
    }

    private static async Task PublishWinBackAsync(FunctionTestHost host)
    {
        var journeys = host.Services.GetRequiredService<JourneyStorage>();
        await journeys.EnsureCreatedAsync();
        await journeys.Definitions.PublishAsync(JourneyJson.Parse($$"""
            {
              "id": "{{WinBack}}", "name": "Win-back when a customer goes dormant", "version": 1,
              "entry": { "kind": "event", "event_type": "lifecycle.stage_changed", "filter": { "path": "event.toStage", "op": "eq", "value": "dormant" } },
              "re_entry": { "mode": "always" },
              "start": "wait",
              "nodes": [
                { "type": "delay", "id": "wait", "duration": "1.00:00:00", "next": "done" },
                { "type": "exit", "id": "done", "reason": "waited" }
              ]
            }
            """));
    }

    private static Task WaitForWinBackAsync(FunctionTestHost host, string contactId) =>
        Poll.UntilAsync(
            async () => (await host.Services.GetRequiredService<JourneyStorage>().Instances.ListForContactAsync(contactId, WinBack)).Count == 1,
            TimeSpan.FromSeconds(45),
            "the win-back journey started on the stage change");
}
