using Nurture.Core.Events;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Entry;

public sealed class JourneyEntryEvaluatorTests
{
    private static readonly JourneyDefinition AbandonedCheckout = JourneyExamples.Load("abandoned-checkout");

    private static CanonicalEvent Checkout(string token, string total, string id = "ev-1") =>
        Event(EventTypes.CheckoutUpdated, $$"""{ "checkoutToken": "{{token}}", "total": "{{total}}" }""", T0, id);

    [Fact]
    public void ForEvent_CheckoutOverFifty_EntersWithAPendingInstanceKeyedByToken()
    {
        var decision = JourneyEntryEvaluator.ForEvent(AbandonedCheckout, Checkout("tok-A", "55.00"), Contact(), [], T0);

        Assert.True(decision.Enters);
        var state = decision.State!;
        Assert.Equal(JourneyIds.InstanceId("abandoned-checkout", "c-1", "ev-1"), state.InstanceId);
        Assert.Equal(JourneyStatus.Pending, state.Status);
        Assert.Equal("tok-A", state.InstanceKey);
        Assert.Equal(1, state.Version);
        Assert.Equal("ev-1", state.Entry!.EventId);
    }

    [Theory]
    [InlineData("50.00", "entry filter does not match")]
    [InlineData("12", "entry filter does not match")]
    public void ForEvent_CheckoutAtOrBelowFifty_IsRejected(string total, string reason)
    {
        var decision = JourneyEntryEvaluator.ForEvent(AbandonedCheckout, Checkout("tok-A", total), Contact(), [], T0);

        Assert.False(decision.Enters);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void ForEvent_OtherEventType_IsRejected()
    {
        var order = Event(EventTypes.OrderPlaced, """{ "checkoutToken": "tok-A", "total": "99" }""", T0);

        Assert.Equal("event does not trigger this journey", JourneyEntryEvaluator.ForEvent(AbandonedCheckout, order, Contact(), [], T0).Reason);
    }

    [Fact]
    public void ForEvent_WithoutInstanceKeyValue_IsRejected()
    {
        var noToken = Event(EventTypes.CheckoutUpdated, """{ "total": "99" }""", T0);

        Assert.Equal("entry has no value for instance key 'checkoutToken'", JourneyEntryEvaluator.ForEvent(AbandonedCheckout, noToken, Contact(), [], T0).Reason);
    }

    [Fact]
    public void ForEvent_RedeliveredEntryEvent_IsRejectedAsDuplicate()
    {
        var first = JourneyEntryEvaluator.ForEvent(AbandonedCheckout, Checkout("tok-A", "55"), Contact(), [], T0);
        var prior = new PriorInstance(first.State!.InstanceId, "tok-A", T0, Live: false);

        var again = JourneyEntryEvaluator.ForEvent(AbandonedCheckout, Checkout("tok-A", "55"), Contact(), [prior], T0.AddMinutes(1));

        Assert.Equal("this entry already started an instance", again.Reason);
    }

    [Fact]
    public void ForEvent_LiveInstanceForTheSameCart_BlocksOnlyThatCart()
    {
        var live = new PriorInstance("ji-live", "tok-A", T0.AddHours(-1), Live: true);

        var sameCart = JourneyEntryEvaluator.ForEvent(AbandonedCheckout, Checkout("tok-A", "70", "ev-2"), Contact(), [live], T0);
        var otherCart = JourneyEntryEvaluator.ForEvent(AbandonedCheckout, Checkout("tok-B", "70", "ev-3"), Contact(), [live], T0);

        Assert.Equal("an instance is already live for this contact and key", sameCart.Reason);
        Assert.True(otherCart.Enters);
    }

    [Theory]
    [InlineData("never", null, 400, false)]
    [InlineData("after", 30, 10, false)]
    [InlineData("after", 30, 31, true)]
    [InlineData("always", null, 0, true)]
    public void ForApi_ReEntryPolicy_DecidesWhetherAFinishedContactMayEnterAgain(string mode, int? days, int daysSinceLastEntry, bool enters)
    {
        var daysJson = days is null ? string.Empty : $", \"days\": {days}";
        var journey = Nurture.Core.Journeys.Serialization.JourneyJson.Parse($$"""
            { "id": "j", "name": "J", "version": 3, "entry": { "kind": "api" }, "re_entry": { "mode": "{{mode}}"{{daysJson}} },
              "start": "x", "nodes": [ { "type": "exit", "id": "x" } ] }
            """);
        var prior = new PriorInstance("ji-old", null, T0.AddDays(-daysSinceLastEntry), Live: false);

        var decision = JourneyEntryEvaluator.ForApi(journey, Contact(), "request-1", [prior], T0);

        Assert.Equal(enters, decision.Enters);
        Assert.Equal(enters ? 3 : null, decision.State?.Version);
    }

    [Fact]
    public void ForApi_SegmentJourney_AdmitsOnlySegmentMembers()
    {
        var winBack = JourneyExamples.Load("win-back");
        var dormant = Contact() with { OrderCount = 2, LastOrderAt = T0.AddDays(-120) };
        var active = Contact() with { OrderCount = 2, LastOrderAt = T0.AddDays(-10) };

        Assert.True(JourneyEntryEvaluator.ForApi(winBack, dormant, "segment-run-1", [], T0).Enters);
        Assert.Equal("contact is not in the journey's segment", JourneyEntryEvaluator.ForApi(winBack, active, "segment-run-1", [], T0).Reason);
    }

    [Fact]
    public void ForApi_RetriedRequest_MapsToTheSameInstance()
    {
        var journey = JourneyExamples.Load("flash-sale");
        var vip = Contact() with { Tags = new HashSet<string> { "vip" } };

        var first = JourneyEntryEvaluator.ForApi(journey, vip, "req-42", [], T0);
        var retry = JourneyEntryEvaluator.ForApi(journey, vip, "req-42", [new PriorInstance(first.State!.InstanceId, null, T0, Live: true)], T0);

        Assert.Equal("this entry already started an instance", retry.Reason);
    }
}
