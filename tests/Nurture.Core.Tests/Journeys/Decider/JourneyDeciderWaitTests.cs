using Nurture.Core.Events;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Decider;

public sealed class JourneyDeciderWaitTests
{
    private static readonly CanonicalEvent Checkout = Event(EventTypes.CheckoutUpdated, """{ "checkout_token": "tok-A", "total_price": "80.00" }""", T0, "ev-checkout");

    private static readonly JourneyDefinition WaitForSameCheckout = Journey($$"""
        [{ "type": "wait_for_event", "id": "w", "event_type": "checkout.completed", "timeout": "1.00:00:00",
           "match": [ { "trigger": "checkout_token", "event": "token" } ], "next": "thanks", "timeout_next": "reminder" },
         {{Email("thanks", "", "thanks")}},
         {{Email("reminder", "", "reminder")}}]
        """, "w");

    [Fact]
    public void Decide_WaitForEvent_WaitsWithATimeoutTimer()
    {
        var result = Start(WaitForSameCheckout, Checkout);

        Assert.Equal(JourneyStatus.WaitingForEvent, result.State.Status);
        Assert.Equal(new PendingTimer("w#1/waittimeout/0", T0.AddDays(1), TimerPurpose.WaitTimeout, "w"), result.State.Timer);
        Assert.Empty(result.Sends);
    }

    [Fact]
    public void Decide_KeyedWait_OnlyTheSameCheckoutTokenResumes()
    {
        var waiting = Start(WaitForSameCheckout, Checkout);

        var other = Arrive(WaitForSameCheckout, waiting.State, Event("checkout.completed", """{ "token": "tok-B" }""", T0.AddHours(1), "ev-b"));
        var same = Arrive(WaitForSameCheckout, waiting.State, Event("checkout.completed", """{ "token": "tok-A" }""", T0.AddHours(1), "ev-a"));

        Assert.True(other.IsNoOp);
        Assert.Equal(JourneyStatus.WaitingForEvent, other.State.Status);
        Assert.Equal("thanks", Assert.Single(same.Sends).TemplateId);
        Assert.Equal("ev-a", same.State.LastEvent!.EventId);
        Assert.Contains(same.History, h => h.Kind == HistoryKind.Decision && h.Message == "checkout.completed arrived");
    }

    [Fact]
    public void Decide_WaitTimeout_TakesTheTimeoutBranch()
    {
        var waiting = Start(WaitForSameCheckout, Checkout);

        var timedOut = Wake(WaitForSameCheckout, waiting);

        Assert.Equal("reminder", Assert.Single(timedOut.Sends).TemplateId);
        Assert.Contains(timedOut.History, h => h.Message == "timed out waiting for checkout.completed");
    }

    [Fact]
    public void Decide_EventAfterTimeout_ChangesNothing()
    {
        var waiting = Start(WaitForSameCheckout, Checkout);
        var timedOut = Wake(WaitForSameCheckout, waiting);

        var late = Arrive(WaitForSameCheckout, timedOut.State, Event("checkout.completed", """{ "token": "tok-A" }""", T0.AddDays(2), "ev-late"));

        Assert.True(late.IsNoOp);
    }

    [Fact]
    public void Decide_TimeoutAfterEvent_ChangesNothing()
    {
        var waiting = Start(WaitForSameCheckout, Checkout);
        var resumed = Arrive(WaitForSameCheckout, waiting.State, Event("checkout.completed", """{ "token": "tok-A" }""", T0.AddHours(1), "ev-a"));

        var staleTimeout = Nurture.Core.Journeys.Decider.JourneyDecider.Decide(
            WaitForSameCheckout, resumed.State, new Nurture.Core.Journeys.Runtime.Triggers.WakeUpTrigger("w#1/waittimeout/0", T0.AddDays(1)), Context());

        Assert.True(staleTimeout.IsNoOp);
    }

    [Fact]
    public void Decide_SameEventDeliveredTwice_ResumesOnlyOnce()
    {
        var twoWaits = Journey($$"""
            [{ "type": "wait_for_event", "id": "w1", "event_type": "email.clicked", "timeout": "1.00:00:00", "next": "e1", "timeout_next": null },
             {{Email("e1", "w2")}},
             { "type": "wait_for_event", "id": "w2", "event_type": "email.clicked", "timeout": "1.00:00:00", "next": "e2", "timeout_next": null },
             {{Email("e2", "")}}]
            """, "w1");
        var click = Event(EventTypes.EmailClicked, "{}", T0.AddHours(1), "ev-click-1");
        var waiting = Start(twoWaits);

        var first = Arrive(twoWaits, waiting.State, click);
        var duplicate = Arrive(twoWaits, first.State, click);
        var secondClick = Arrive(twoWaits, first.State, Event(EventTypes.EmailClicked, "{}", T0.AddHours(2), "ev-click-2"));

        Assert.Equal("e1", Assert.Single(first.Sends).NodeId);
        Assert.True(duplicate.IsNoOp);
        Assert.Equal("w2", duplicate.State.CurrentNodeId);
        Assert.Equal("e2", Assert.Single(secondClick.Sends).NodeId);
    }

    [Fact]
    public void Decide_EntryEventRedeliveredToTheInstance_IsIgnored()
    {
        var waitForCheckout = Journey("""[{ "type": "wait_for_event", "id": "w", "event_type": "checkout.updated", "timeout": "1.00:00:00", "next": null, "timeout_next": null }]""", "w");
        var waiting = Start(waitForCheckout, Checkout);

        var redelivered = Arrive(waitForCheckout, waiting.State, Checkout);

        Assert.True(redelivered.IsNoOp);
    }

    [Fact]
    public void Decide_WaitFilter_MustHold()
    {
        var bigOrder = Journey("""
            [{ "type": "wait_for_event", "id": "w", "event_type": "order.placed", "timeout": "1.00:00:00",
               "filter": { "path": "event.total_price", "op": "ge", "value": 100 }, "next": null, "timeout_next": null }]
            """, "w");
        var waiting = Start(bigOrder);

        var small = Arrive(bigOrder, waiting.State, Event(EventTypes.OrderPlaced, """{ "total_price": "20.00" }""", T0.AddHours(1), "ev-small"));
        var big = Arrive(bigOrder, waiting.State, Event(EventTypes.OrderPlaced, """{ "total_price": "120.00" }""", T0.AddHours(1), "ev-big"));

        Assert.True(small.IsNoOp);
        Assert.Equal(JourneyStatus.Completed, big.State.Status);
    }
}
