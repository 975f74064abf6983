using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Ingestion;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>
/// At-least-once delivery against the built app as a real process: copies of the same <c>journey-work</c>
/// message, and goal events that come in through ingestion while instances are mid-flight.
/// </summary>
[Collection(RealHostCollection.Name)]
public sealed class HostDeliveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CopiesOfTheSameWorkMessage_SendNothingTwice_AndTheHistoryRecordsThemAsIgnored()
    {
        await using var app = await KillableJourneyApp.StartAsync();
        const string journeyId = "dup-course";
        const string contactId = "c-dup";
        await app.Storage.Templates.SaveAsync(new MessageTemplate("dup-email", "Hi {{first_name}}.", "Hello"));
        await app.Storage.Templates.SaveAsync(new MessageTemplate("dup-sms", "{{first_name}}: hello."));
        await app.PublishAsync(journeyId, $$"""
            {
              "id": "{{journeyId}}", "name": "Duplicates", "version": 1,
              "entry": { "kind": "api" }, "re_entry": { "mode": "never" }, "start": "welcome",
              "nodes": [
                { "type": "send_email", "id": "welcome", "template": "dup-email", "channel": { "sender": "shop@example.com", "subject": "Hello" }, "next": "pause" },
                { "type": "delay", "id": "pause", "duration": "00:00:02", "next": "text" },
                { "type": "send_sms", "id": "text", "template": "dup-sms", "channel": { "sender": "+15550100" }, "next": "done" },
                { "type": "exit", "id": "done", "reason": "done" }
              ]
            }
            """);
        await app.SeedContactAsync(contactId);
        var queue = app.Accounts.Queues.GetQueueClient(JourneyWorkQueue.QueueName);

        var instanceId = await app.StartInstanceAsync(journeyId, contactId);
        var start = new JourneyWorkMessage(instanceId, new StartTrigger(DateTimeOffset.UtcNow)).ToJson();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => queue.SendAsync(start)));

        // Three more copies of the wake-up the runner schedules itself: the same text, visible at the same time.
        var waiting = await Poll.UntilAsync(
            async () => (await app.Storage.Instances.LoadAsync(instanceId))?.State.Timer,
            Deadline,
            "the instance waits on its delay");
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Storage.Work.ScheduleWakeUpAsync(instanceId, waiting.TimerId, waiting.DueAt)));

        var history = await Poll.UntilAsync(
            async () =>
            {
                var stored = await app.Storage.Instances.LoadAsync(instanceId);
                var entries = await app.Storage.Instances.ReadHistoryAsync(instanceId);
                return stored is { State.Status: JourneyStatus.Completed, Pending.Count: 0 }
                    && IgnoredCount(entries, nameof(StartTrigger)) > 0
                    && IgnoredCount(entries, nameof(WakeUpTrigger)) > 0 ? entries : null;
            },
            Deadline,
            "the instance completed and the duplicates were handled");

        var expected = new[] { JourneyIds.MessageId(instanceId, "welcome", 1), JourneyIds.MessageId(instanceId, "text", 1) };
        Assert.Equal(expected, (await app.Storage.Outbox.ListAsync(contactId)).Select(r => r.Message.MessageId));
        var calls = await app.Storage.Outbox.CountAttemptsAsync();
        foreach (var id in expected)
        {
            Assert.Equal(1, calls[id]);
            var entry = (await app.Storage.Ledger.GetAsync(id))!;
            Assert.Equal(LedgerStatus.Sent, entry.Status);
            Assert.Equal(1, entry.Attempts);
        }

        Assert.Single(history, h => h.Kind == HistoryKind.Started);
        Assert.Equal(["welcome", "text"], history.Where(h => h.Kind == HistoryKind.Sent).Select(h => h.NodeId));
        Assert.Single(history, h => h.Kind == HistoryKind.Ended);
        Assert.Equal(HistoryKind.Started, history[0].Kind);
    }

    [Fact]
    public async Task OrdersPostedThroughIngestionWhileInstancesRun_EndThem_AndNothingIsSentAfterTheGoal()
    {
        await using var app = await KillableJourneyApp.StartAsync();
        const string journeyId = "goal-course";
        await app.Storage.Templates.SaveAsync(new MessageTemplate("goal-email", "Hi {{first_name}}.", "Hello"));

        // The 10 s delay only has to outlast ingesting an order on a loaded machine; the test waits for the stale
        // wake-up it leaves behind by polling the history, not by sleeping.
        await app.PublishAsync(journeyId, $$"""
            {
              "id": "{{journeyId}}", "name": "Until they order", "version": 1,
              "entry": { "kind": "api" }, "re_entry": { "mode": "never" },
              "goals": [ { "name": "order placed", "event_type": "order.placed" } ],
              "start": "welcome",
              "nodes": [
                { "type": "send_email", "id": "welcome", "template": "goal-email", "channel": { "sender": "shop@example.com", "subject": "Hello" }, "next": "pause" },
                { "type": "delay", "id": "pause", "duration": "00:00:10", "next": "reminder" },
                { "type": "send_email", "id": "reminder", "template": "goal-email", "channel": { "sender": "shop@example.com", "subject": "Still here" }, "next": "done" },
                { "type": "exit", "id": "done", "reason": "done" }
              ]
            }
            """);
        var shoppers = Enumerable.Range(0, 6).Select(_ => Shopper.Unique()).ToList();
        foreach (var shopper in shoppers)
        {
            using var created = await app.PostShopifyAsync("customers/create", Customer(shopper));
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        }

        var contacts = new Dictionary<Shopper, string>();
        foreach (var shopper in shoppers)
        {
            contacts[shopper] = await ContactIdAsync(app, shopper);
        }

        // Half wait on their delay after the first email when the order comes in; the other half get the order
        // right after the start, while their first step runs.
        var waitingGroup = shoppers.Take(3).ToList();
        var runningGroup = shoppers.Skip(3).ToList();
        var instances = new Dictionary<Shopper, string>();
        foreach (var shopper in waitingGroup)
        {
            instances[shopper] = await app.StartInstanceAsync(journeyId, contacts[shopper]);
        }

        foreach (var shopper in waitingGroup)
        {
            await Poll.UntilAsync(
                async () => (await app.Storage.Instances.LoadAsync(instances[shopper]))?.State.Status == JourneyStatus.Waiting,
                Deadline,
                "the first email is out and the instance waits");
        }

        foreach (var shopper in runningGroup)
        {
            instances[shopper] = await app.StartInstanceAsync(journeyId, contacts[shopper]);
        }

        var orderId = 5000;
        foreach (var shopper in runningGroup.Concat(waitingGroup))
        {
            using var order = await app.PostShopifyAsync("orders/create", OrderNow(shopper, ++orderId));
            Assert.Equal(HttpStatusCode.Accepted, order.StatusCode);
        }

        foreach (var shopper in shoppers)
        {
            var instanceId = instances[shopper];

            // Done when it has exited and the wake-up its delay scheduled (if it got that far) has come and been ignored.
            var history = await Poll.UntilAsync(
                async () =>
                {
                    var stored = await app.Storage.Instances.LoadAsync(instanceId);
                    var entries = await app.Storage.Instances.ReadHistoryAsync(instanceId);
                    var timerSet = entries.Any(h => h.Kind == HistoryKind.Waiting);
                    return stored is { State.Status: JourneyStatus.Exited, Pending.Count: 0 }
                        && (!timerSet || IgnoredCount(entries, nameof(WakeUpTrigger)) > 0) ? entries : null;
                },
                Deadline,
                "the instance exited and its stale wake-up was handled");
            var state = (await app.Storage.Instances.LoadAsync(instanceId))!.State;
            Assert.Contains("order placed", state.EndReason, StringComparison.Ordinal);
            var reminder = JourneyIds.MessageId(instanceId, "reminder", 1);
            var sent = (await app.Storage.Outbox.ListAsync(contacts[shopper])).Select(r => r.Message.MessageId).ToList();
            Assert.DoesNotContain(reminder, sent);
            Assert.Null(await app.Storage.Ledger.GetAsync(reminder));
            Assert.DoesNotContain(history, h => h.NodeId == "reminder");
            if (waitingGroup.Contains(shopper))
            {
                Assert.Equal([JourneyIds.MessageId(instanceId, "welcome", 1)], sent);
            }
            else
            {
                // The goal may have won before the first send or after it; never a send decided after it.
                Assert.True(sent.Count <= 1);
                Assert.Equal(sent.Count, history.Count(h => h.Kind == HistoryKind.Sent));
            }
        }
    }

    private static int IgnoredCount(IEnumerable<HistoryEntry> history, string trigger) =>
        history.Count(h => h.Kind == HistoryKind.Ignored && h.Message.StartsWith(trigger, StringComparison.Ordinal));

    private static async Task<string> ContactIdAsync(KillableJourneyApp app, Shopper shopper)
    {
        var id = await Poll.UntilAsync(
            async () =>
            {
                using var response = await app.SendAsync(HttpMethod.Get, "api/contacts/" + Uri.EscapeDataString(shopper.Email));
                return response.StatusCode == HttpStatusCode.OK
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("contactId").GetString()
                    : null;
            },
            Deadline,
            "the shopper's profile");
        return id;
    }

    /// <summary>A Shopify customers/create for the shopper, email marketing subscribed (the fixture's consent).</summary>
    private static string Customer(Shopper shopper)
    {
        var customer = Load("customers-create.json");
        customer["id"] = shopper.CustomerId;
        customer["email"] = shopper.Email;
        customer["phone"] = shopper.Phone;
        return customer.ToJsonString();
    }

    /// <summary>A Shopify orders/create by the shopper, placed now.</summary>
    private static string OrderNow(Shopper shopper, long orderId)
    {
        var order = JsonNode.Parse(ShopifyPayloads.Order(shopper, orderId))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        order["created_at"] = now;
        order["processed_at"] = now;
        order["updated_at"] = now;
        return order.ToJsonString();
    }

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot(), "tests", "Nurture.Channels.Tests", "Fixtures", "Shopify", name)))!.AsObject();
}
