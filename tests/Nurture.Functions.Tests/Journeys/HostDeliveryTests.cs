using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Functions.Tests.Ingestion;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>
/// At-least-once delivery on the local host: every queue message delivered twice, the same webhook posted again and
/// again at once, identical events and starts raced against each other. None of it makes a second instance or a
/// second send.
/// </summary>
public sealed class HostDeliveryTests
{
    private const string ShopifySecret = "delivery-test-shopify-secret";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Ingestion:ShopifySecret"] = ShopifySecret,
        ["Ingestion:DefaultCallingCode"] = "1",
        ["Journeys:RecordOutboxAttempts"] = "true",
    };

    [Fact]
    public async Task DuplicatedQueueDeliveries_AndTheSameWebhookPostedFourTimesAtOnce_StartOneInstance_ThatSendsOnce()
    {
        // Every message on the app's queues (ingestion's included) is delivered twice.
        await using var app = await JourneyTestApp.StartAsync(
            [JourneyJson.Parse(OrderThanks)],
            settings: Settings,
            storage: TestStorageAccounts.IsolatedAzurite(duplicateQueueSends: true));
        var shopper = Shopper.Unique();
        var order = ShopifyPayloads.Order(shopper, 8101);
        var eventId = Guid.NewGuid().ToString();

        var posted = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostShopifyAsync(app, "orders/create", order, eventId)));

        Assert.All(posted, status => Assert.Equal(HttpStatusCode.Accepted, status));
        var contactId = await ContactIdAsync(app, shopper.Email);
        var instanceId = await Eventually.ValueAsync(
            async () => (await app.Storage.Instances.ListForContactAsync(contactId)).SingleOrDefault()?.InstanceId,
            Deadline,
            "the order's instance");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await app.EndedAsync(instanceId)).RuntimeStatus);

        // Duplicates keep arriving for a while (the second copy of each message): wait until the queues are empty.
        await Eventually.HoldsAsync(async () => await QueuesEmptyAsync(app), Deadline, "every queue message was handled");
        Assert.Single(await app.Storage.Instances.ListForContactAsync(contactId));
        await AssertSentOnceAsync(app, contactId, [JourneyIds.MessageId(instanceId, "thanks", 1)]);
        var history = await app.Storage.Instances.ReadHistoryAsync(instanceId);
        Assert.Single(history, h => h.Kind == HistoryKind.Started);
        Assert.Single(history, h => h.Kind == HistoryKind.Sent);
        Assert.Single(history, h => h.Kind == HistoryKind.Ended);
    }

    [Fact]
    public async Task IdenticalEventsAndStartsRacedAgainstEachOther_MakeOneInstanceEach_AndChangeNothingTwice()
    {
        await using var app = await JourneyTestApp.StartAsync(
            [JourneyTestApp.AbandonedCheckout("00:00:02", "01:00:00"), JourneyJson.Parse(Course)],
            settings: Settings);
        const string checkout = """{ "checkoutToken": "tok-race", "total": "80.00" }""";

        // The same checkout event offered four times at once: one instance (its id follows from the entry key).
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.RaiseAsync("ev-checkout-race", "checkout.updated", checkout)));

        // The same start asked for four times at once, with one idempotency key.
        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await app.Client.PostAsJsonAsync("api/journeys/course/start", new { contact_id = JourneyTestApp.ContactId, request_key = "race" });
            return response.StatusCode;
        }));

        Assert.All(starts, s => Assert.True(s is HttpStatusCode.Accepted or HttpStatusCode.OK, s.ToString()));
        var courseId = JourneyIds.InstanceId("course", JourneyTestApp.ContactId, "race");
        var instances = await app.Storage.Instances.ListForContactAsync(JourneyTestApp.ContactId);
        Assert.Equal(2, instances.Count);
        var checkoutId = instances.Single(i => i.JourneyId == "abandoned-checkout").InstanceId;
        Assert.Equal(courseId, instances.Single(i => i.JourneyId == "course").InstanceId);

        // The checkout instance sends its email after the first delay, then waits a day; the same order raised four
        // times at once ends it once.
        var email = JourneyIds.MessageId(checkoutId, "email_reminder", 1);
        await Eventually.HoldsAsync(async () => await app.Storage.Ledger.GetAsync(email) is { Status: LedgerStatus.Sent }, Deadline, "the checkout email was sent");
        await Eventually.HoldsAsync(
            async () => (await app.Storage.Instances.LoadAsync(checkoutId))?.State is { Status: JourneyStatus.Waiting, CurrentNodeId: "wait_1d" },
            Deadline,
            "the checkout instance waits its day");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.RaiseAsync("ev-order-race", "order.placed", """{ "checkoutToken": "tok-race", "total": "80.00" }""")));

        await app.EndedAsync(checkoutId);
        await app.EndedAsync(courseId);
        var ended = (await app.Storage.Instances.LoadAsync(checkoutId))!.State;
        Assert.Equal(JourneyStatus.Exited, ended.Status);
        Assert.Contains("order placed", ended.EndReason, StringComparison.Ordinal);
        Assert.Single(await app.Storage.Instances.ReadHistoryAsync(checkoutId), h => h.Kind == HistoryKind.Ended);
        await AssertSentOnceAsync(app, JourneyTestApp.ContactId, [email, JourneyIds.MessageId(courseId, "welcome", 1), JourneyIds.MessageId(courseId, "text", 1)]);
    }

    [Fact]
    public async Task OrdersIngestedWhileInstancesRun_EndThem_AndNothingIsSentAfterTheGoal()
    {
        await using var app = await JourneyTestApp.StartAsync([JourneyJson.Parse(UntilTheyOrder)], settings: Settings);
        var shoppers = Enumerable.Range(0, 6).Select(_ => Shopper.Unique()).ToList();
        var contacts = new Dictionary<Shopper, string>();
        var orderId = 5000;
        foreach (var shopper in shoppers)
        {
            // The customer, email marketing subscribed, makes the contact.
            Assert.Equal(HttpStatusCode.Accepted, await PostShopifyAsync(app, "customers/create", Customer(shopper)));
        }

        foreach (var shopper in shoppers)
        {
            contacts[shopper] = await ContactIdAsync(app, shopper.Email);
        }

        // Half wait on their delay after the first email when the order comes in; the other half get the order
        // right after the start, while their first step runs.
        var waitingGroup = shoppers.Take(3).ToList();
        var runningGroup = shoppers.Skip(3).ToList();
        var instances = new Dictionary<Shopper, string>();
        foreach (var shopper in waitingGroup)
        {
            instances[shopper] = await StartAsync(app, "until-they-order", contacts[shopper]);
        }

        foreach (var shopper in waitingGroup)
        {
            await Eventually.HoldsAsync(
                async () => (await app.Storage.Instances.LoadAsync(instances[shopper]))?.State.Status == JourneyStatus.Waiting,
                Deadline,
                "the first email is out and the instance waits");
        }

        foreach (var shopper in runningGroup)
        {
            instances[shopper] = await StartAsync(app, "until-they-order", contacts[shopper]);
        }

        foreach (var shopper in runningGroup.Concat(waitingGroup))
        {
            Assert.Equal(HttpStatusCode.Accepted, await PostShopifyAsync(app, "orders/create", OrderNow(shopper, ++orderId)));
        }

        foreach (var shopper in shoppers)
        {
            var instanceId = instances[shopper];
            await app.EndedAsync(instanceId);
            var state = (await app.Storage.Instances.LoadAsync(instanceId))!.State;
            var history = await app.Storage.Instances.ReadHistoryAsync(instanceId);
            Assert.True(state.Status == JourneyStatus.Exited, $"{instanceId} {state.Status}: " + string.Join(" | ", history.Select(h => $"{h.At:HH:mm:ss.fff} {h.Kind} {h.NodeId} {h.Message}")));
            Assert.Contains("order placed", state.EndReason, StringComparison.Ordinal);
            var reminder = JourneyIds.MessageId(instanceId, "reminder", 1);
            var sent = (await app.Outbox.ListAsync(contacts[shopper])).Select(r => r.Message.MessageId).ToList();
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

    private const string OrderThanks = """
        {
          "id": "order-thanks", "name": "Order thanks", "version": 1,
          "entry": { "kind": "event", "event_type": "order.placed" },
          "re_entry": { "mode": "always" },
          "start": "thanks",
          "nodes": [
            { "type": "send_email", "id": "thanks", "template": "order-thanks-email", "marketing": false,
              "channel": { "sender": "shop@example.com", "subject": "Thank you" }, "next": "done" },
            { "type": "exit", "id": "done", "reason": "thanked" }
          ]
        }
        """;

    private const string Course = """
        {
          "id": "course", "name": "Course", "version": 1,
          "entry": { "kind": "api" }, "re_entry": { "mode": "never" }, "start": "welcome",
          "nodes": [
            { "type": "send_email", "id": "welcome", "template": "course-email", "channel": { "sender": "shop@example.com", "subject": "Hello" }, "next": "pause" },
            { "type": "delay", "id": "pause", "duration": "00:00:02", "next": "text" },
            { "type": "send_sms", "id": "text", "template": "course-sms", "channel": { "sender": "+15550100" }, "next": "done" },
            { "type": "exit", "id": "done", "reason": "done" }
          ]
        }
        """;

    // The 40 s delay only has to outlast ingesting an order on a loaded machine (10 s did not always); the goal ends
    // each instance as soon as its order is in, so the test never waits it out.
    private const string UntilTheyOrder = """
        {
          "id": "until-they-order", "name": "Until they order", "version": 1,
          "entry": { "kind": "api" }, "re_entry": { "mode": "never" },
          "goals": [ { "name": "order placed", "event_type": "order.placed" } ],
          "start": "welcome",
          "nodes": [
            { "type": "send_email", "id": "welcome", "template": "goal-email", "channel": { "sender": "shop@example.com", "subject": "Hello" }, "next": "pause" },
            { "type": "delay", "id": "pause", "duration": "00:00:40", "next": "reminder" },
            { "type": "send_email", "id": "reminder", "template": "goal-email", "channel": { "sender": "shop@example.com", "subject": "Still here" }, "next": "done" },
            { "type": "exit", "id": "done", "reason": "done" }
          ]
        }
        """;

    /// <summary>Each expected message is in the contact's outbox once, was handed to the channel once, and its ledger entry says sent after one attempt.</summary>
    private static async Task AssertSentOnceAsync(JourneyTestApp app, string contactId, IReadOnlyList<string> expected)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await app.Outbox.ListAsync(contactId)).Select(r => r.Message.MessageId).Order(StringComparer.Ordinal));
        var calls = await app.Outbox.CountAttemptsAsync();
        foreach (var id in expected)
        {
            Assert.Equal(1, calls[id]);
            var entry = (await app.Storage.Ledger.GetAsync(id))!;
            Assert.Equal(LedgerStatus.Sent, entry.Status);
            Assert.Equal(1, entry.Attempts);
        }
    }

    private static async Task<string> StartAsync(JourneyTestApp app, string journeyId, string contactId)
    {
        using var response = await app.Client.PostAsJsonAsync($"api/journeys/{journeyId}/start", new { contact_id = contactId, request_key = "r-" + contactId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("instance_id").GetString()!;
    }

    private static async Task<string> ContactIdAsync(JourneyTestApp app, string email) =>
        await Eventually.ValueAsync(
            async () =>
            {
                using var response = await app.Client.GetAsync("api/contacts/" + Uri.EscapeDataString(email));
                return response.StatusCode == HttpStatusCode.OK
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("contact_id").GetString()
                    : null;
            },
            Deadline,
            "the shopper's profile");

    /// <summary>A Shopify customers/create for the shopper, email marketing subscribed (the fixture's consent).</summary>
    private static string Customer(Shopper shopper)
    {
        var customer = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot(), "tests", "Nurture.Channels.Tests", "Fixtures", "Shopify", "customers-create.json")))!.AsObject();
        customer["id"] = shopper.CustomerId;
        customer["email"] = shopper.Email;
        customer["phone"] = shopper.Phone;
        return customer.ToJsonString();
    }

    /// <summary>A Shopify orders/create by the shopper, placed now.</summary>
    private static string OrderNow(Shopper shopper, long orderId)
    {
        var order = JsonNode.Parse(ShopifyPayloads.Order(shopper, orderId))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        order["created_at"] = now;
        order["processed_at"] = now;
        order["updated_at"] = now;
        return order.ToJsonString();
    }

    private static async Task<bool> QueuesEmptyAsync(JourneyTestApp app)
    {
        await foreach (var queue in app.Accounts.Queues.GetQueuesAsync())
        {
            var properties = await app.Accounts.Queues.GetQueueClient(queue.Name).GetPropertiesAsync();
            if (properties.Value.ApproximateMessagesCount > 0 && !queue.Name.EndsWith("-poison", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<HttpStatusCode> PostShopifyAsync(JourneyTestApp app, string topic, string json, string? eventId = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Event-Id", eventId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", "delivery-test.myshopify.com");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body)));
        using var response = await app.Client.SendAsync(request);
        return response.StatusCode;
    }
}
