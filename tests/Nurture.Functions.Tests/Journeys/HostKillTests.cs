using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>
/// The built app on the local host as a real process, SIGKILLed again and again while a hundred Durable journeys of
/// email, delay, SMS, delay, email start and advance, restarted against the same storage each time: every contact gets
/// one instance, every instance still completes, every message reaches the channel (the outbox, the app's channel
/// when no provider is configured; or SendGrid and Twilio faked on loopback) with at most one call per ledger
/// reservation, and none before its due time.
/// </summary>
[Collection(RealHostCollection.Name)]
public sealed class HostKillTests(ITestOutputHelper output)
{
    private const int InstanceCount = 100;
    private const int KillsWhileAdvancing = 6;
    private const string JourneyId = "crash-course";
    private static readonly string[] SendNodes = ["welcome", "text", "reminder"];
    private static readonly TimeSpan ProgressDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan FinishDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillingTheHostRepeatedlyWhileJourneysAdvance_EveryInstanceFinishes_AndEachMessageIsSentOnce()
    {
        await using var app = await KillableJourneyApp.StartAsync();
        await RunAsync(app, new OutboxCalls(app));
    }

    /// <summary>
    /// The same run through the SendGrid and Twilio SDKs against loopback fakes. A kill between the provider's
    /// acceptance and the ledger's record leaves the reservation open; the re-run asks the provider first. Twilio's
    /// message list shows what it accepted, so an SMS is never sent twice; SendGrid has no per-message lookup without
    /// the paid Email Activity add-on (the fake answers 403, as SendGrid does without it), so such an email is sent
    /// again: at most one repeat per resumed reservation, and only for email.
    /// </summary>
    [Fact]
    public async Task KillingTheHostRepeatedly_WithSendGridAndTwilioFakes_NoSmsTwice_AndEmailRepeatsOnlyForResumedSends()
    {
        var contacts = Contacts;
        await using var providers = await ProviderCalls.StartAsync(contacts);
        await using var app = await KillableJourneyApp.StartAsync(providers.Environment);
        var report = await RunAsync(app, providers);

        var repeats = report.RepeatedById.Where(p => p.Value > 0).ToList();
        output.WriteLine($"SendGrid: {providers.SendGrid.CallsByMessageId.Values.Sum()} mail sends for {providers.SendGrid.CallsByMessageId.Count} ids, {providers.SendGrid.ActivitySearches} Email Activity searches (403); Twilio: {providers.Twilio.CallsByMessageId.Values.Sum()} message creates for {providers.Twilio.CallsByMessageId.Count} ids, {providers.Twilio.Lists} message lists");
        output.WriteLine($"duplicates: {repeats.Count} ids sent more than once: {string.Join(", ", repeats.Select(p => $"{p.Key} ({report.Calls[p.Key].Channel}, {p.Value + 1} calls)"))}");
        Assert.All(repeats, p => Assert.Equal(MessageChannel.Email, report.Calls[p.Key].Channel));
        Assert.All(providers.Twilio.CallsByMessageId, p => Assert.Equal(1, p.Value));
        Assert.All(providers.Twilio.Messages, m => Assert.EndsWith("\nReply STOP to opt out", m.Body, StringComparison.Ordinal));
    }

    private static List<string> Contacts => Enumerable.Range(1, InstanceCount).Select(i => $"c-kill-{i:D3}").ToList();

    private async Task<KillReport> RunAsync(KillableJourneyApp app, IChannelCalls channel)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await app.Storage.Templates.SaveAsync(new MessageTemplate("crash-email", "Hi {{first_name}}, welcome.", "Welcome"));
        await app.Storage.Templates.SaveAsync(new MessageTemplate("crash-sms", "{{first_name}}: hello by text."));
        await app.PublishAsync(JourneyId, Journey);
        var contacts = Contacts;
        await ForEachAsync(contacts, app.SeedContactAsync);

        // The first kill lands among the start requests: clients retry with the same request key.
        var instances = new ConcurrentDictionary<string, string>();
        var starting = ForEachAsync(contacts, async c => instances[c] = await app.StartInstanceWithRetriesAsync(JourneyId, c, ProgressDeadline));
        await WithOutputAsync(app, Poll.UntilAsync(() => Task.FromResult(instances.Count >= InstanceCount / 2 ? (object)instances.Count : null), ProgressDeadline, "half the starts answered"));
        await app.KillAsync();
        var startedAtKill = instances.Count;
        await app.StartProcessAsync();
        await starting;
        var recipients = instances
            .SelectMany(p => SendNodes.Select(node => (Id: JourneyIds.MessageId(p.Value, node, 1), Contact: p.Key)))
            .ToDictionary(m => m.Id, m => m.Contact, StringComparer.Ordinal);
        var expected = recipients.Keys.ToHashSet(StringComparer.Ordinal);
        var total = expected.Count;

        // Kill points: spread over what is left to send, jittered by a seed printed for replay. Each one waits for
        // progress made by the process about to die, so every process does some work and dies in the middle of more.
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var sentAtStart = await channel.CountAsync();
        var gap = (total - sentAtStart) / (KillsWhileAdvancing + 1);
        var sentAtKillsWhileAdvancing = new List<int>();
        var previous = sentAtStart;
        for (var kill = 1; kill <= KillsWhileAdvancing; kill++)
        {
            var threshold = Math.Min(total - 1, Math.Max(previous + 1, sentAtStart + (gap * kill) + random.Next(-gap / 3, (gap / 3) + 1)));
            var reached = await WithOutputAsync(app, Poll.UntilAsync(
                async () => await channel.CountAsync() is var sent && sent >= threshold ? (object)sent : null,
                ProgressDeadline,
                $"{threshold} of {total} messages at the {channel.Name} before kill {kill}",
                TimeSpan.FromMilliseconds(20)));
            await app.KillAsync();
            previous = (int)reached;
            sentAtKillsWhileAdvancing.Add(previous);
            await app.StartProcessAsync();
        }

        var unfinished = new List<string>();
        try
        {
            await WithOutputAsync(app, Poll.UntilAsync(
                async () => (unfinished = await UnfinishedAsync(app, instances.Values)).Count == 0 ? (object)true : null,
                FinishDeadline,
                "every instance completed",
                TimeSpan.FromMilliseconds(500)));
        }
        catch (TimeoutException e)
        {
            var views = new List<string>();
            foreach (var id in unfinished.Take(3))
            {
                using var response = await app.SendAsync(HttpMethod.Get, $"api/journeys/instances/{id}");
                views.Add(await response.Content.ReadAsStringAsync());
            }

            throw new TimeoutException($"{unfinished.Count} unfinished: {string.Join("\n", views)}\n{e.Message}", e);
        }

        output.WriteLine($"{channel.Name}: seed {seed}; {app.Starts} processes; {startedAtKill} of {InstanceCount} starts answered at the first kill; messages at the channel at the next kills: {string.Join(", ", sentAtKillsWhileAdvancing)} of {total}");
        Assert.True(startedAtKill < InstanceCount, "the first kill came after every start: it proved nothing");
        Assert.Equal(KillsWhileAdvancing + 2, app.Starts);
        Assert.All(sentAtKillsWhileAdvancing, sent => Assert.True(sent < total, "a kill came after the last send: it proved nothing"));
        foreach (var (contact, instanceId) in instances)
        {
            Assert.Equal(instanceId, Assert.Single(await app.Storage.Instances.ListForContactAsync(contact)).InstanceId);

            // Durable ends it as completed (just after its last decision was recorded), and the journey's own state says so.
            var view = await WithOutputAsync(app, Poll.UntilAsync(
                async () =>
                {
                    using var response = await app.SendAsync(HttpMethod.Get, $"api/journeys/instances/{instanceId}");
                    var read = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                    return read.GetProperty("runtime_status").GetString() == "completed" ? (object)read : null;
                },
                TimeSpan.FromSeconds(30),
                $"Durable reports {instanceId} completed"));
            Assert.Equal("completed", ((JsonElement)view).GetProperty("state").GetProperty("status").GetString());
        }

        // The channel saw exactly the expected messages, each for its contact: none missing, none extra.
        var calls = await channel.ReadAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), calls.Keys.Order(StringComparer.Ordinal));
        Assert.All(calls, p => Assert.Equal(recipients[p.Key], p.Value.ContactId));

        // The ledger says each was sent, and the channel saw at most one call per reservation. A process killed after
        // the channel call but before the ledger heard back leaves the reservation open; once its lease runs out the
        // re-run activity reserves again (Attempts + 1) and first asks the channel whether it already accepted the
        // message (the outbox and Twilio can tell). So a second call for an id is rare, and only ever paired with a
        // resumed reservation.
        var resumed = 0;
        foreach (var id in expected)
        {
            var entry = await app.Storage.Ledger.GetAsync(id);
            Assert.NotNull(entry);
            Assert.Equal(LedgerStatus.Sent, entry.Status);
            Assert.InRange(calls[id].Count, 1, entry.Attempts);
            resumed += entry.Attempts - 1;
        }

        // No reservation for anything else, and each message once in its contact's sends (what frequency caps count).
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await KeysAsync(app, JourneyStorageNames.Default.SendLedger)).Select(k => k.Partition).Order(StringComparer.Ordinal));
        var byContact = await KeysAsync(app, JourneyStorageNames.Default.SendsByContact);
        Assert.Equal(expected.Order(StringComparer.Ordinal), byContact.Select(k => k.Row).Order(StringComparer.Ordinal));
        Assert.All(byContact, k => Assert.Equal(recipients[k.Row], k.Partition));

        var repeated = calls.ToDictionary(p => p.Key, p => p.Value.Count - 1, StringComparer.Ordinal);
        output.WriteLine($"{channel.Name}: {repeated.Values.Sum()} repeated channel calls, {resumed} resumed reservations, {stopwatch.Elapsed.TotalSeconds:F0} s");

        // Each instance's timeline shows each send step once, with its message id, one start and one end; and no
        // message reached the channel before the delay in front of it was due (timers may fire early; the
        // orchestration re-arms them).
        var recordedAt = calls.ToDictionary(p => p.Key, p => p.Value.FirstAt, StringComparer.Ordinal);
        foreach (var (_, instanceId) in instances)
        {
            var history = await app.Storage.Instances.ReadHistoryAsync(instanceId);
            var sends = history.Where(h => h.Kind == HistoryKind.Sent).ToList();
            Assert.Equal(SendNodes, sends.Select(h => h.NodeId));
            Assert.Equal(SendNodes.Select(n => JourneyIds.MessageId(instanceId, n, 1)), sends.Select(h => h.MessageId));
            Assert.Single(history, h => h.Kind == HistoryKind.Started);
            Assert.Single(history, h => h.Kind == HistoryKind.Ended);
            foreach (var (delay, next) in new[] { ("pause", "text"), ("no_pause", "reminder") })
            {
                var due = DueOf(history.First(h => h.Kind == HistoryKind.Waiting && h.NodeId == delay));
                var sentAt = recordedAt[JourneyIds.MessageId(instanceId, next, 1)];
                Assert.True(sentAt >= due, $"{instanceId} {next} reached the channel at {sentAt:O}, before its due time {due:O}");
            }
        }

        return new KillReport(calls, repeated);
    }

    /// <summary>The due time a delay's timeline line names ("delay until ...").</summary>
    private static DateTimeOffset DueOf(HistoryEntry waiting) =>
        DateTimeOffset.Parse(waiting.Message["delay until ".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Email, a two-second delay, SMS, a one-second delay, a second email: three sends and two timers per instance.</summary>
    private static string Journey => $$"""
        {
          "id": "{{JourneyId}}", "name": "Crash course", "version": 1,
          "entry": { "kind": "api" },
          "re_entry": { "mode": "never" },
          "start": "welcome",
          "nodes": [
            { "type": "send_email", "id": "welcome", "template": "crash-email", "channel": { "sender": "shop@example.com", "subject": "Welcome" }, "next": "pause" },
            { "type": "delay", "id": "pause", "duration": "00:00:02", "next": "text" },
            { "type": "send_sms", "id": "text", "template": "crash-sms", "channel": { "sender": "+15550100" }, "next": "no_pause" },
            { "type": "delay", "id": "no_pause", "duration": "00:00:01", "next": "reminder" },
            { "type": "send_email", "id": "reminder", "template": "crash-email", "channel": { "sender": "shop@example.com", "subject": "Still here" }, "next": "done" },
            { "type": "exit", "id": "done", "reason": "course finished" }
          ]
        }
        """;

    private static async Task<IReadOnlyList<(string Partition, string Row)>> KeysAsync(KillableJourneyApp app, string tableName)
    {
        var keys = new List<(string, string)>();
        await foreach (var row in app.Accounts.Tables.GetTableClient(tableName).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            keys.Add((row.PartitionKey, row.RowKey));
        }

        return keys;
    }

    private static async Task<List<string>> UnfinishedAsync(KillableJourneyApp app, ICollection<string> instanceIds)
    {
        var unfinished = new List<string>();
        foreach (var id in instanceIds)
        {
            if (await app.Storage.Instances.LoadAsync(id) is not { State.Status: JourneyStatus.Completed })
            {
                unfinished.Add(id);
            }
        }

        return unfinished;
    }

    private static Task ForEachAsync(IEnumerable<string> items, Func<string, Task> action) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) => await action(item));

    private static async Task<T> WithOutputAsync<T>(KillableJourneyApp app, Task<T> waiting)
    {
        try
        {
            return await waiting;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nApp output (tail):\n" + Tail(app.Output), e);
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    /// <summary>What a kill run saw at the channel.</summary>
    private sealed record KillReport(IReadOnlyDictionary<string, MessageCalls> Calls, IReadOnlyDictionary<string, int> RepeatedById)
    {
        public int Repeated => RepeatedById.Values.Sum();
    }
}
