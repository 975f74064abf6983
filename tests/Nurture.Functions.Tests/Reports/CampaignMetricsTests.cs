using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nurture.Core.Events;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Statistics;
using Nurture.Functions.Contacts;
using Nurture.Functions.Journeys;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Functions.Reports;
using Nurture.Functions.Tests.Delivery;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Metrics;

namespace Nurture.Functions.Tests.Reports;

/// <summary>
/// The campaign report end to end: a journey with a split and a holdout sends through SendGrid (faked on loopback),
/// SendGrid's event webhook reports on the sends, orders and a refund land in the day partitions, and the reporter
/// (the <c>ComputeCampaignMetrics</c> timer's work) runs at later times.
/// </summary>
/// <remarks>
/// By hand, t = the first touch's second. Variant a: A1 delivered (SendGrid's id only), opened by a person at t + 1 s,
/// orders 100 at exactly 5 days after the open (inside the window, end inclusive), refunded 30 a day later; A2
/// delivered, opened by a privacy proxy (no touch), clicked at t + 2 s, orders 40 one second after the click's window;
/// A3 bounced, orders 25 more than 7 days after its assignment. H is in the holdout: no send, no order.
/// </remarks>
[Collection(DeliveryCollection.Name)]
public sealed class CampaignMetricsTests(DeliveryHostFixture app)
{
    private static readonly SplitNode Split = new("split", [new SplitVariant("a", 1, "mail")], HoldoutWeight: 1);

    [Fact]
    public async Task TheReport_CountsTheFunnelPerJourneyStepAndVariant_AttributesEdgeByEdge_AndFollowsRefundsAndErasure()
    {
        var journeyId = "campaign-" + Guid.NewGuid().ToString("N")[..8];
        await app.Journeys.Definitions.PublishAsync(JourneyJson.Parse(Journey(journeyId)));
        var (a1, a2, a3, h) = await SeedShoppersAsync(journeyId);
        var providerIds = new[] { a1, a2, a3 }.ToDictionary(s => s.Email, _ => "cm" + Guid.NewGuid().ToString("N")[..14], StringComparer.Ordinal);
        app.SendGrid.Answer = r => providerIds.FirstOrDefault(p => r.Body.Contains(p.Key, StringComparison.Ordinal)) is { Key: not null } match
            ? new ProviderAnswer(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = match.Value })
            : new ProviderAnswer(202);
        var views = await Task.WhenAll(new[] { a1, a2, a3, h }.Select(s => app.RunAsync(journeyId, s.ContactId)));
        var messages = views.Take(3).Select(v => v.GetProperty("sends")[0].GetProperty("message_id").GetString()!).ToArray();
        Assert.True(!views[3].TryGetProperty("sends", out var held) || held.GetArrayLength() == 0, "the holdout got no send");

        var t = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        var seconds = t.ToUnixTimeSeconds();
        var webhook = DeliveryFeedbackTests.Events(
            DeliveryFeedbackTests.Event(a1.Email, "delivered", seconds, null, providerIds[a1.Email]),
            DeliveryFeedbackTests.Event(a1.Email, "open", seconds + 1, messages[0], providerIds[a1.Email]),
            DeliveryFeedbackTests.Event(a2.Email, "delivered", seconds, messages[1], providerIds[a2.Email]),
            DeliveryFeedbackTests.Event(a2.Email, "open", seconds + 1, messages[1], providerIds[a2.Email], """, "sg_machine_open": true"""),
            DeliveryFeedbackTests.Event(a2.Email, "click", seconds + 2, messages[1], providerIds[a2.Email], """, "url": "https://shop.example.com/" """),
            DeliveryFeedbackTests.Event(a3.Email, "bounce", seconds, messages[2], providerIds[a3.Email], """, "type": "bounce", "reason": "550 no such user" """));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSendGridEventsAsync(webhook)).StatusCode);
        foreach (var (shopper, count) in new[] { (a1, 2), (a2, 3), (a3, 1) })
        {
            await Eventually.HoldsAsync(async () => (await app.ProfileAsync(shopper.ContactId)).RecentEventIds.Length >= count, DeliveryFeedbackTests.Deadline, "the feedback reached the day partitions");
        }

        await OrderAsync(a1.ContactId, "A1-order", t.AddSeconds(1).AddDays(5), 100m);
        await RefundAsync(a1.ContactId, "A1-order", t.AddDays(6), 30m);
        await OrderAsync(a2.ContactId, "A2-order", t.AddSeconds(2).AddDays(5).AddSeconds(1), 40m);
        await OrderAsync(a3.ContactId, "A3-order", t.AddDays(7).AddHours(1), 25m);
        var reports = new ReportStore(app.Accounts.Tables, "CampaignTest" + Guid.NewGuid().ToString("N")[..8]);

        // Five days later: the order at the open's window end counts; the refund has not happened yet; the splits are pending.
        var early = await RunAsync(reports, TimeSpan.FromDays(5) + TimeSpan.FromHours(1), journeyId);
        var version = Assert.Single(early.Versions);
        var variantA = Assert.Single(version.Variants, v => v.Variant == "a").Funnel;
        Assert.Equal((4, 3, 3, 0), (early.Funnel.Entered, early.Funnel.Recipients, early.Funnel.Sent, early.Funnel.SmsSent));
        Assert.Equal((3, 3, 3, 2, 1, 1, 1, 1), (variantA.Entered, variantA.Recipients, variantA.Sent, variantA.Delivered, variantA.HumanOpened, variantA.MachineOpened, variantA.Clicked, variantA.Bounced));
        Assert.Equal((1, 1, 1, 100m), (variantA.Conversions, variantA.ConvertedRecipients, variantA.NewCustomers, variantA.Revenue));
        Assert.Equal((0.5, 1d / 3, 33.33m), (variantA.ClickThroughRate, variantA.ConversionRate, variantA.RevenuePerRecipient));
        var holdout = Assert.Single(version.Variants, v => v.Variant == JourneyDecider.HoldoutVariant).Funnel;
        Assert.Equal((1, 0, 0), (holdout.Entered, holdout.Recipients, holdout.Sent));
        var step = Assert.Single(version.Steps);
        Assert.Equal(("mail", null, 3, 2, 100m), (step.NodeId, step.Funnel.Entered, step.Funnel.Sent, step.Funnel.Delivered, step.Funnel.Revenue));
        Assert.Equal(3, Assert.Single(step.Variants).Funnel.Sent);
        Assert.Equal(4, Assert.Single(version.Splits).PendingAssignments);

        // Eight days later: the refund lowers the revenue, and the split's observation windows have closed.
        var later = await RunAsync(reports, TimeSpan.FromDays(8), journeyId);
        variantA = later.Versions[0].Variants.Single(v => v.Variant == "a").Funnel;
        Assert.Equal((1, 70m, 23.33m), (variantA.Conversions, variantA.Revenue, variantA.RevenuePerRecipient));
        var split = Assert.Single(later.Versions[0].Splits);
        Assert.Equal(0, split.PendingAssignments);
        Assert.Equal(("a", 3, 2, 110m), Group(split, "a"));
        Assert.Equal((JourneyDecider.HoldoutVariant, 1, 0, 0m), Group(split, JourneyDecider.HoldoutVariant));
        var comparison = Assert.Single(split.Comparisons);
        Assert.Equal(("a", JourneyDecider.HoldoutVariant), (comparison.Variant, comparison.Baseline));
        Assert.Equal(2d / 3, comparison.Conversion.Difference, 9);
        Assert.Equal(UpliftVerdict.NotEnoughData, comparison.Conversion.Verdict);
        Assert.True(comparison.Conversion.SampleStillNeeded is { Treatment: > 3, Baseline: > 1 }, "the sample still needed is given");
        Assert.Equal(UpliftVerdict.NotEnoughData, comparison.RevenuePerContact.Verdict);

        // Costs: 3 emails at 0.01 and 1 for the journey; one new customer bringing 70.
        var costs = later.Costs!;
        Assert.Equal((1.03m, 70m, 1, 1.03m), (costs.Cost, costs.Revenue, costs.NewCustomers, costs.Cac));
        Assert.Equal((70 - 1.03) / 1.03, costs.Romi!.Value, 9);

        // A1 is erased: their entry, send, feedback and orders leave the next report.
        Assert.True(await app.Host.Services.GetRequiredService<ContactEraser>().EraseAsync(a1.ContactId, "test", app.Host.Services.GetRequiredService<JourneyEventRouter>().For(app.Host.Services.GetRequiredService<DurableTaskClient>()), CancellationToken.None));
        var erased = await RunAsync(reports, TimeSpan.FromDays(8) + TimeSpan.FromHours(1), journeyId);
        variantA = erased.Versions[0].Variants.Single(v => v.Variant == "a").Funnel;
        Assert.Equal(3, erased.Funnel.Entered);
        Assert.Equal((2, 2, 2, 1, 0, 1, 1, 1), (variantA.Entered, variantA.Recipients, variantA.Sent, variantA.Delivered, variantA.HumanOpened, variantA.MachineOpened, variantA.Clicked, variantA.Bounced));
        Assert.Equal((0, 0m), (variantA.Conversions, variantA.Revenue));
        Assert.Equal(("a", 2, 1, 40m), Group(erased.Versions[0].Splits[0], "a"));
        Assert.DoesNotContain(a1.ContactId, (await reports.GetAsync(ReportKinds.Campaigns))!.Json, StringComparison.Ordinal);

        // Run again with nothing new, and rebuilt from the raw events: the same figures.
        var again = await RunAsync(reports, TimeSpan.FromDays(8) + TimeSpan.FromHours(2), journeyId);
        var rebuilt = await RunAsync(reports, TimeSpan.FromDays(8) + TimeSpan.FromHours(3), journeyId, rebuild: true);
        Assert.Equal(MetricsJson.Serialize(erased), MetricsJson.Serialize(again));
        Assert.Equal(MetricsJson.Serialize(erased), MetricsJson.Serialize(rebuilt));
    }

    [Fact]
    public async Task AnSmsDelivery_NamedOnlyByTwiliosId_IsATouchForOneDay_EndInclusive()
    {
        var journeyId = "campaign-sms-" + Guid.NewGuid().ToString("N")[..8];
        await app.Journeys.Definitions.PublishAsync(JourneyJson.Parse($$"""
            {
              "id": "{{journeyId}}", "name": "{{journeyId}}", "version": 1,
              "entry": { "kind": "api" }, "re_entry": { "mode": "always" }, "start": "text",
              "nodes": [
                { "type": "send_sms", "id": "text", "template": "delivery-sms", "channel": { "sender": "+15550100" }, "next": "done" },
                { "type": "exit", "id": "done", "reason": "sent" }
              ]
            }
            """));
        app.Twilio.Answer = ChannelSendingTests.Sent;
        var inside = await app.SeedShopperAsync();
        var outside = await app.SeedShopperAsync();
        var delivered = new List<DateTimeOffset>();
        foreach (var (contactId, _, phone) in new[] { inside, outside })
        {
            var view = await app.RunAsync(journeyId, contactId);
            var send = view.GetProperty("sends")[0];
            var sid = send.GetProperty("provider_message_id").GetString()!;
            var form = new Dictionary<string, string>
            {
                ["MessageSid"] = sid,
                ["SmsSid"] = sid,
                ["MessageStatus"] = "delivered",
                ["SmsStatus"] = "delivered",
                ["To"] = phone,
                ["From"] = "+15550100",
                ["AccountSid"] = DeliveryHostFixture.AccountSid,
                ["MessagingServiceSid"] = DeliveryHostFixture.ServiceSid,
                ["ApiVersion"] = "2010-04-01",
            };

            // No nurture_message_id on the callback URL: only Twilio's id names the message.
            Assert.Equal(HttpStatusCode.Accepted, (await app.PostTwilioStatusAsync("api/webhooks/twilio/status", form)).StatusCode);
            var history = await DeliveryFeedbackTests.HistoryAsync(app, view.GetProperty("instance_id").GetString()!, 1);
            await Eventually.HoldsAsync(async () => (await app.ProfileAsync(contactId)).RecentEventIds.Length >= 1, DeliveryFeedbackTests.Deadline, "the status reached the day partitions");
            delivered.Add(history[0].GetProperty("at").GetDateTimeOffset());
        }

        await OrderAsync(inside.ContactId, "S1-order", delivered[0].AddDays(1), 30m);
        await OrderAsync(outside.ContactId, "S2-order", delivered[1].AddDays(1).AddSeconds(1), 50m);
        var reports = new ReportStore(app.Accounts.Tables, "CampaignTest" + Guid.NewGuid().ToString("N")[..8]);

        var journey = await RunAsync(reports, TimeSpan.FromDays(2), journeyId);
        var step = Assert.Single(Assert.Single(journey.Versions).Steps);
        Assert.Equal(("text", MessageChannel.Sms), (step.NodeId, step.Channel));
        Assert.Equal((2, 2, 2, 2), (journey.Funnel.Entered, journey.Funnel.Sent, journey.Funnel.SmsSent, journey.Funnel.Delivered));
        Assert.Equal((1, 1, 30m, 15m), (journey.Funnel.Conversions, journey.Funnel.ConvertedRecipients, journey.Funnel.Revenue, journey.Funnel.RevenuePerRecipient));
        Assert.Empty(journey.Versions[0].Variants);
    }

    [Fact]
    public async Task ASendRunAgainAfterItsFactWasLost_SendsNothing_AndWritesTheFactAgainAtTheLedgersTime()
    {
        var (contactId, email, _) = await app.SeedShopperAsync();
        app.SendGrid.Answer = _ => new ProviderAnswer(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = "cm" + Guid.NewGuid().ToString("N")[..14] });
        var view = await app.RunAsync("delivery-email-journey", contactId);
        var instanceId = view.GetProperty("instance_id").GetString()!;
        var messageId = view.GetProperty("sends")[0].GetProperty("message_id").GetString()!;
        var facts = new ShopFacts();
        await app.Journeys.Facts.ReadIntoAsync(facts);
        var written = Assert.Single(facts.Sends.Values, s => s.MessageId == messageId);
        Assert.Equal(("delivery-email-journey", 1, "send", MessageChannel.Email, contactId), (written.JourneyId, written.Version, written.NodeId, written.Channel, written.ContactId));
        Assert.Single(facts.Entries.Values, e => e.InstanceId == instanceId);

        // As if the attempt that sent it died before its fact was stored: the activity runs the send again.
        await app.Journeys.Facts.DeleteContactAsync(contactId);
        var calls = app.SendGrid.Received.Count(r => r.Body.Contains(email, StringComparison.Ordinal));
        var state = (await app.Journeys.Instances.LoadAsync(instanceId))!.State;
        var send = new SendMessage(messageId, MessageChannel.Email, "delivery-email", contactId, state.JourneyId, state.Version, "send", "shop@example.com", "Hello", "cart", Marketing: true, Variant: null);
        var request = new ApplyDecisionRequest(instanceId, 99, JsonSerializer.Serialize(state, JourneyJson.Options), JsonSerializer.Serialize(new List<JourneyCommand> { send }, JourneyJson.Options), Record: false);
        var reports = await app.Host.Services.GetRequiredService<JourneyDecisionApplier>().ApplyAsync(request, CancellationToken.None);

        Assert.Equal(SendOutcome.Duplicate, Assert.Single(reports).Outcome);
        Assert.Equal(calls, app.SendGrid.Received.Count(r => r.Body.Contains(email, StringComparison.Ordinal)));
        var again = new ShopFacts();
        await app.Journeys.Facts.ReadIntoAsync(again);
        var rewritten = Assert.Single(again.Sends.Values, s => s.MessageId == messageId);
        Assert.Equal((await app.Journeys.Ledger.GetAsync(messageId))!.CompletedAt, rewritten.SentAt);
        Assert.Equal(written with { SentAt = rewritten.SentAt }, rewritten);
    }

    private static (string, int, int, decimal) Group(SplitExperiment split, string variant)
    {
        var group = Assert.Single(split.Groups, g => g.Variant == variant);
        return (group.Variant, group.Contacts, group.Converted, group.Revenue);
    }

    /// <summary>Runs the reporter as of now + <paramref name="shift"/> and reads back the journey's part of the stored report.</summary>
    private async Task<JourneyMetrics> RunAsync(ReportStore reports, TimeSpan shift, string journeyId, bool rebuild = false)
    {
        var services = app.Host.Services;
        var costs = new CampaignCosts { PerEmail = 0.01m };
        costs.PerJourney[journeyId] = 1m;
        var reporter = new CampaignReporter(
            app.Ingestion,
            reports,
            services.GetRequiredService<OrderFactCollector>(),
            Options.Create(new ReportOptions()),
            Options.Create(new CampaignSettings()),
            Options.Create(new ExperimentSettings()),
            Options.Create(costs),
            new ShiftedClock(shift),
            NullLogger<CampaignReporter>.Instance);
        var outcome = await reporter.ComputeAsync(rebuild, CancellationToken.None);
        Assert.True(outcome.Computed);
        var report = MetricsJson.Deserialize<CampaignReport>((await reports.GetAsync(ReportKinds.Campaigns))!.Json);
        Assert.Equal(outcome.ComputedAt, report.AsOf);
        return Assert.Single(report.Journeys, j => j.JourneyId == journeyId);
    }

    /// <summary>Three shoppers the split puts in variant a and one it puts in the holdout.</summary>
    private async Task<((string ContactId, string Email) A1, (string ContactId, string Email) A2, (string ContactId, string Email) A3, (string ContactId, string Email) H)> SeedShoppersAsync(string journeyId)
    {
        var inA = new List<(string, string)>();
        (string, string)? holdout = null;
        while (inA.Count < 3 || holdout is null)
        {
            var (contactId, email, _) = await app.SeedShopperAsync();
            var variant = JourneyDecider.ChooseVariant(Split, JourneyIds.SplitBucket(journeyId, Split.Id, contactId));
            if (variant == "a" && inA.Count < 3)
            {
                inA.Add((contactId, email));
            }
            else if (variant == JourneyDecider.HoldoutVariant && holdout is null)
            {
                holdout = (contactId, email);
            }
        }

        return (inA[0], inA[1], inA[2], holdout.Value);
    }

    private Task OrderAsync(string contactId, string orderId, DateTimeOffset at, decimal total) =>
        AppendAsync(contactId, EventTypes.OrderPlaced, at, new Dictionary<string, object> { [EventProperties.OrderId] = orderId, [EventProperties.Total] = total, [EventProperties.Currency] = "EUR" });

    private Task RefundAsync(string contactId, string orderId, DateTimeOffset at, decimal amount) =>
        AppendAsync(contactId, EventTypes.RefundCreated, at, new Dictionary<string, object> { [EventProperties.OrderId] = orderId, [EventProperties.RefundId] = orderId + "-refund", [EventProperties.RefundAmount] = amount });

    private Task AppendAsync(string contactId, string type, DateTimeOffset at, object properties)
    {
        var id = $"{type}-{contactId}-{at.UtcTicks}";
        var evt = new CanonicalEvent(id, type, EventSource.Shopify, id, at, new ContactIdentity(ContactId: contactId), JsonSerializer.SerializeToElement(properties));
        return app.Ingestion.Events.AppendAsync(contactId, evt);
    }

    private static string Journey(string journeyId) => $$"""
        {
          "id": "{{journeyId}}", "name": "{{journeyId}}", "version": 1,
          "entry": { "kind": "api" }, "re_entry": { "mode": "always" }, "start": "split",
          "nodes": [
            { "type": "split", "id": "split", "variants": [ { "name": "a", "weight": 1, "next": "mail" } ], "holdout_weight": 1 },
            { "type": "send_email", "id": "mail", "template": "delivery-email", "channel": { "sender": "shop@example.com", "subject": "Hello" }, "next": "done" },
            { "type": "exit", "id": "done", "reason": "sent" }
          ]
        }
        """;
}
