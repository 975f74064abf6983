using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.SendTime;
using Nurture.Functions.SendTime;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.SendTime;

/// <summary>
/// Segment and list starts of a journey whose send asks for the best time: each contact's send waits for their own
/// best time inside the window, the holdout share goes at once, and each send's arm is recorded.
/// </summary>
public sealed class BestTimeBatchTests
{
    private const string NewYork = "America/New_York";
    private const string Berlin = "Europe/Berlin";

    private static readonly TimeZoneInfo NewYorkZone = TimeZoneInfo.FindSystemTimeZoneById(NewYork);
    private static readonly TimeZoneInfo BerlinZone = TimeZoneInfo.FindSystemTimeZoneById(Berlin);

    [Fact]
    public async Task SegmentAndListStarts_SendEachContactAtTheirOwnBestTime_AndRecordTheArmOfEachSend()
    {
        await using var app = await BestTimeApp.StartAsync(
            Journey("sto-segment", """{ "kind": "segment", "segment": { "any": [ { "path": "contact.tags", "op": "contains", "value": "sto" } ] } }"""),
            Journey("sto-list", """{ "kind": "api" }"""));
        var now = DateTimeOffset.UtcNow;
        var evening = Enumerable.Range(0, 6).Select(i => $"eve-{i}").ToList();
        var morning = Enumerable.Range(0, 6).Select(i => $"mor-{i}").ToList();
        foreach (var id in evening)
        {
            await SeededRoutines.SeedAsync(app.Profiles, id, NewYork, SeededRoutines.Daily(NewYorkZone, new TimeOnly(20, 30), 30, now), "sto");
        }

        foreach (var id in morning)
        {
            await SeededRoutines.SeedAsync(app.Profiles, id, Berlin, SeededRoutines.Daily(BerlinZone, new TimeOnly(7, 30), 30, now), "sto");
        }

        Assert.True((await app.Host.Services.GetRequiredService<ShopSendTimeLearner>().LearnAsync(CancellationToken.None)).Built);

        var segmentBatch = await StartAsync(app, "sto-segment", new { segment = "journey", request_key = "sto-1" });
        var listBatch = await StartAsync(app, "sto-list", new { contact_ids = evening.Concat(morning).ToArray(), request_key = "sto-2" });

        var outcomes = new List<Outcome>();
        foreach (var (journeyId, batchId) in new[] { ("sto-segment", segmentBatch), ("sto-list", listBatch) })
        {
            foreach (var contactId in evening.Concat(morning))
            {
                outcomes.Add(await OutcomeAsync(app, JourneyIds.InstanceId(journeyId, contactId, "batch:" + batchId), contactId));
            }
        }

        foreach (var outcome in outcomes)
        {
            if (outcome.Holdout)
            {
                var entry = await Poll.UntilAsync(
                    async () => await app.Journeys.Ledger.GetAsync(outcome.MessageId!) is { Status: LedgerStatus.Sent } sent ? sent : null,
                    TimeSpan.FromSeconds(60),
                    $"the holdout send of {outcome.ContactId} was sent");
                Assert.Equal(SendTimeArm.Holdout, entry.SendTime);
                continue;
            }

            if (outcome.MessageId is not null)
            {
                var entry = await Poll.UntilAsync(
                    async () => await app.Journeys.Ledger.GetAsync(outcome.MessageId) is { Status: LedgerStatus.Sent } sent ? sent : null,
                    TimeSpan.FromSeconds(60),
                    $"the send of {outcome.ContactId} at its best time, which was now, was sent");
                Assert.NotEqual(SendTimeArm.Holdout, entry.SendTime);
                Assert.NotNull(entry.SendTime);
            }

            Assert.Contains("personal", outcome.Line, StringComparison.Ordinal);
            Assert.InRange(outcome.DueAt!.Value, now.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(24));
            if (!outcome.Line.Contains("explored", StringComparison.Ordinal))
            {
                var local = outcome.ContactId.StartsWith("eve", StringComparison.Ordinal)
                    ? TimeZoneInfo.ConvertTime(outcome.DueAt.Value, NewYorkZone).TimeOfDay
                    : TimeZoneInfo.ConvertTime(outcome.DueAt.Value, BerlinZone).TimeOfDay;
                var (earliest, latest) = outcome.ContactId.StartsWith("eve", StringComparison.Ordinal) ? (new TimeSpan(18, 0, 0), new TimeSpan(21, 0, 0)) : (new TimeSpan(5, 0, 0), new TimeSpan(8, 0, 0));
                Assert.InRange(local, earliest, latest);
            }
        }

        Assert.Contains(outcomes, o => o.Holdout);
        Assert.Contains(outcomes, o => !o.Holdout);
        Assert.Contains(outcomes, o => !o.Holdout && o.ContactId.StartsWith("eve", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => !o.Holdout && o.ContactId.StartsWith("mor", StringComparison.Ordinal));
    }

    private static async Task<string> StartAsync(BestTimeApp app, string journeyId, object body)
    {
        var (batchId, done) = await app.RunBatchAsync(journeyId, body);
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());
        Assert.Equal(12, done.GetProperty("started").GetInt32());
        return batchId;
    }

    /// <summary>Waits until the instance waits on its best-time timer, or sent (as the holdout, or because the best time was now).</summary>
    private static Task<Outcome> OutcomeAsync(BestTimeApp app, string instanceId, string contactId) => Poll.UntilAsync(
        async () =>
        {
            var recorded = await app.Journeys.Instances.LoadAsync(instanceId);
            if (recorded is null)
            {
                return null;
            }

            var history = await app.Journeys.Instances.ReadHistoryAsync(instanceId);
            if (recorded.State.Timer is { Purpose: TimerPurpose.BestTime } timer
                && history.LastOrDefault(h => h.Kind == HistoryKind.Deferred) is { } deferred)
            {
                return new Outcome(contactId, false, timer.DueAt, deferred.Message, null);
            }

            if (history.FirstOrDefault(h => h.MessageId is not null) is not { } send)
            {
                return null;
            }

            if (history.Any(h => h.Message.StartsWith("best-time holdout", StringComparison.Ordinal)))
            {
                return new Outcome(contactId, true, null, send.Message, send.MessageId);
            }

            // The best time was the start itself (the step was reached at the contact's best time): sent at once.
            return history.FirstOrDefault(h => h.Kind == HistoryKind.Decision && h.Message.StartsWith("best time within", StringComparison.Ordinal)) is { } now
                ? new Outcome(contactId, false, now.At, now.Message, send.MessageId)
                : null;
        },
        TimeSpan.FromSeconds(90),
        $"instance {instanceId} deferred to its best time, or sent as the holdout or because its best time was now");

    private static string Journey(string id, string entry) => $$"""
        {
          "id": "{{id}}", "name": "{{id}}", "version": 1,
          "entry": {{entry}},
          "re_entry": { "mode": "never" },
          "start": "announce",
          "nodes": [
            {
              "type": "send_email", "id": "announce", "template": "sale-announce",
              "channel": { "sender": "sale@example.com", "subject": "24 hours only" },
              "best_time": { "within_hours": 24, "holdout_share": 0.3 },
              "next": "done"
            },
            { "type": "exit", "id": "done" }
          ]
        }
        """;

    private sealed record Outcome(string ContactId, bool Holdout, DateTimeOffset? DueAt, string Line, string? MessageId);
}
