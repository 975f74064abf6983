using System.Collections.Immutable;
using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Mapping;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Mapping;

public sealed class MetricFactMapperTests
{
    [Fact]
    public void Order_Placed_BecomesAnOrderFact()
    {
        var evt = Event(EventTypes.OrderPlaced, """{"orderId":"o-1","total":"55.00","currency":"EUR"}""");

        Assert.Equal(new OrderFact("o-1", "c1", T0, 55m, "EUR"), MetricFactMapper.Order(evt, "c1"));
    }

    [Fact]
    public void Order_ThinPayloadWithoutTotal_IsNoFact() =>
        Assert.Null(MetricFactMapper.Order(Event(EventTypes.OrderPlaced, """{"orderId":"o-1","thin":true}"""), "c1"));

    [Fact]
    public void Refund_WithoutRefundId_IsKeyedByTheEvent()
    {
        var evt = Event(EventTypes.RefundCreated, """{"orderId":"o-1","refundAmount":12.5}""", id: "ev-9");

        Assert.Equal(new RefundFact("ev-9", "o-1", T0, 12.5m), MetricFactMapper.Refund(evt));
        Assert.Null(MetricFactMapper.Refund(Event(EventTypes.RefundCreated, """{"orderId":"o-1","refundAmount":0}""")));
    }

    [Fact]
    public void Cancellation_NamesTheOrder() =>
        Assert.Equal(new CancellationFact("o-1", T0), MetricFactMapper.Cancellation(Event(EventTypes.OrderCancelled, """{"orderId":"o-1"}""")));

    [Fact]
    public void Feedback_SendGridMachineOpen_CarriesOurMessageIdAndTheFlag()
    {
        var evt = Event(EventTypes.EmailOpened, """{"machineOpen":true,"customArgs":{"messageId":"jm-1"}}""", id: "ev-open");

        Assert.Equal(new FeedbackFact("ev-open", FeedbackKind.Opened, T0, MessageChannel.Email, "jm-1", "c1", MachineOpen: true), MetricFactMapper.Feedback(evt, "c1"));
    }

    [Theory]
    [InlineData(EventTypes.EmailDelivered, FeedbackKind.Delivered)]
    [InlineData(EventTypes.EmailClicked, FeedbackKind.Clicked)]
    [InlineData(EventTypes.EmailBounced, FeedbackKind.Bounced)]
    [InlineData(EventTypes.EmailDropped, FeedbackKind.Bounced)]
    [InlineData(EventTypes.EmailSpamReported, FeedbackKind.SpamReported)]
    [InlineData(EventTypes.EmailUnsubscribed, FeedbackKind.Unsubscribed)]
    [InlineData(EventTypes.EmailGroupUnsubscribed, FeedbackKind.Unsubscribed)]
    public void Feedback_SendGridEvents_MapToTheirKind(string type, FeedbackKind kind) =>
        Assert.Equal(kind, MetricFactMapper.Feedback(Event(type, """{"customArgs":{"messageId":"jm-1"}}"""), null)!.Kind);

    [Theory]
    [InlineData("delivered", FeedbackKind.Delivered)]
    [InlineData("undelivered", FeedbackKind.Bounced)]
    [InlineData("failed", FeedbackKind.Bounced)]
    public void Feedback_TwilioStatus_UsesTheLedgersMessageId(string status, FeedbackKind kind)
    {
        var evt = Event(EventTypes.SmsStatusChanged, $$"""{"providerMessageId":"SM1","messageStatus":"{{status}}"}""");

        var fact = MetricFactMapper.Feedback(evt, "c1", ledgerMessageId: "jm-7");

        Assert.Equal((kind, MessageChannel.Sms, "jm-7"), (fact!.Kind, fact.Channel, fact.MessageId));
    }

    [Fact]
    public void Feedback_TwilioQueued_IsNoFact() =>
        Assert.Null(MetricFactMapper.Feedback(Event(EventTypes.SmsStatusChanged, """{"messageStatus":"queued"}"""), "c1", "jm-7"));

    [Fact]
    public void Feedback_SmsStop_IsAContactLevelUnsubscribe()
    {
        var evt = Event(EventTypes.ConsentChanged, """{"channel":"sms","status":"unsubscribed","source":"sms_keyword","providerMessageId":"SM-in"}""");

        var fact = MetricFactMapper.Feedback(evt, "c1");

        Assert.Equal((FeedbackKind.Unsubscribed, MessageChannel.Sms, null, "c1"), (fact!.Kind, fact.Channel, fact.MessageId, fact.ContactId));
        Assert.Null(MetricFactMapper.Feedback(Event(EventTypes.ConsentChanged, """{"channel":"sms","status":"unsubscribed","source":"shopify"}"""), "c1"));
    }

    [Fact]
    public void Feedback_NamingNeitherMessageNorContact_IsNoFact() =>
        Assert.Null(MetricFactMapper.Feedback(Event(EventTypes.EmailClicked, "{}"), null));

    [Fact]
    public void Interests_OrderLinesAndViews_BecomeSignals()
    {
        var order = Event(EventTypes.OrderPlaced, """{"orderId":"o","total":1,"lineItems":[{"productId":"p1","category":" Shoes "},{"productId":"p2"}]}""", id: "ev-o");
        var view = Event(EventTypes.ProductViewed, """{"productId":"p3","category":"Hats"}""", id: "ev-v");

        Assert.Equal(
            [("ev-o:0:product", InterestKind.Product, "p1"), ("ev-o:0:category", InterestKind.Category, "Shoes"), ("ev-o:1:product", InterestKind.Product, "p2")],
            MetricFactMapper.Interests(order).Select(s => (s.SignalId, s.Kind, s.Value)));
        Assert.All(MetricFactMapper.Interests(view), s => Assert.Equal(InterestAction.Viewed, s.Action));
        Assert.Empty(MetricFactMapper.Interests(Event(EventTypes.PageViewed, """{"productId":"p3"}""")));
    }

    [Fact]
    public void AddTo_ARepeatedEvent_AddsNothingTheSecondTime()
    {
        var facts = new ShopFacts();
        var order = Event(EventTypes.OrderPlaced, """{"orderId":"o","total":10,"lineItems":[{"productId":"p1"}]}""");

        Assert.Equal(2, MetricFactMapper.AddTo(facts, order, "c1"));
        Assert.Equal(0, MetricFactMapper.AddTo(facts, order, "c1"));
        Assert.Single(facts.Orders);
        Assert.Single(facts.InterestsOf("c1"));
    }

    [Fact]
    public void Journey_StateAndCommand_BecomeEntrySplitAndSendFacts()
    {
        var state = new JourneyState("ji-1", "j1", 2, "c1", JourneyStatus.Exited, StartedAt: T0, Variants: ImmutableDictionary<string, string>.Empty.Add("split-1", "holdout"));
        var history = new[] { new HistoryEntry(T0.AddMinutes(5), HistoryKind.Decision, "bucket 9000: variant holdout", "split-1") };
        var command = new SendMessage("jm-1", MessageChannel.Sms, "t", "c1", "j1", 2, "sms-1", "shop", null, null, true, "A");

        Assert.Equal(new JourneyEntryFact("ji-1", "j1", 2, "c1", T0), MetricFactMapper.Entry(state));
        Assert.Equal(new SplitAssignmentFact("ji-1", "j1", 2, "split-1", "holdout", "c1", T0.AddMinutes(5)), MetricFactMapper.Assignments(state, history).Single());
        Assert.Equal(T0, MetricFactMapper.Assignments(state).Single().AssignedAt);
        Assert.Equal(
            new SendFact("jm-1", "j1", 2, "sms-1", "A", MessageChannel.Sms, "c1", T0, SendTiming.Optimized),
            MetricFactMapper.Send(command, T0, SendTiming.Optimized));
        Assert.Null(MetricFactMapper.Entry(state with { StartedAt = null }));
    }

    private static CanonicalEvent Event(string type, string properties, string id = "ev-1") =>
        new(id, type, EventSource.Shopify, "key-" + id, T0, new ContactIdentity(ContactId: "c1"), JsonDocument.Parse(properties).RootElement.Clone());
}
