using Nurture.Core.Events;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Decider;

public sealed class JourneyDeciderGoalTests
{
    private const string OrderGoal = """[{ "name": "order placed", "event_type": "order.placed", "match": [ { "trigger": "checkout_token", "event": "checkout_token" } ] }]""";

    private static readonly CanonicalEvent Checkout = Event(EventTypes.CheckoutUpdated, """{ "checkout_token": "tok-A", "total_price": "80.00" }""", T0, "ev-checkout");

    private static readonly JourneyDefinition DelayThenEmail = Journey($"[{Delay("d", "e1", "01:00:00")}, {Email("e1", "")}]", "d", OrderGoal);

    [Fact]
    public void Listens_OnlyToGoalAndWaitEventTypes()
    {
        var waitForClick = Journey(
            $$"""[{ "type": "wait_for_event", "id": "w", "event_type": "email.clicked", "timeout": "1.00:00:00", "next": "e1", "timeout_next": null }, {{Email("e1", "")}}]""",
            "w");

        Assert.True(EventMatching.Listens(DelayThenEmail, EventTypes.OrderPlaced));
        Assert.False(EventMatching.Listens(DelayThenEmail, "page_viewed"));
        Assert.True(EventMatching.Listens(waitForClick, EventTypes.EmailClicked));
        Assert.False(EventMatching.Listens(waitForClick, EventTypes.OrderPlaced));
    }

    [Fact]
    public void Decide_WhenGoalEventArrives_ExitsBeforeNextSend()
    {
        var waiting = Start(DelayThenEmail, Checkout);

        var order = Arrive(DelayThenEmail, waiting.State, Event(EventTypes.OrderPlaced, """{ "checkout_token": "tok-A" }""", T0.AddMinutes(30), "ev-order"));
        var lateWake = JourneyDecider.Decide(DelayThenEmail, order.State, new WakeUpTrigger("d#1/delay/0", T0.AddHours(1)), Context());

        Assert.Equal(JourneyStatus.Exited, order.State.Status);
        Assert.Equal("goal 'order placed' met by order.placed", order.State.EndReason);
        Assert.Null(order.State.Timer);
        Assert.Equal(new EndInstance("ji-test", JourneyStatus.Exited, "goal 'order placed' met by order.placed"), order.Commands.OfType<EndInstance>().Single());
        Assert.True(lateWake.IsNoOp);
        Assert.Empty(order.Sends);
    }

    [Fact]
    public void Decide_GoalForAnotherCheckout_DoesNotExit()
    {
        var waiting = Start(DelayThenEmail, Checkout);

        var otherOrder = Arrive(DelayThenEmail, waiting.State, Event(EventTypes.OrderPlaced, """{ "checkout_token": "tok-B" }""", T0.AddMinutes(30), "ev-order"));

        Assert.True(otherOrder.IsNoOp);
        Assert.Equal(JourneyStatus.Waiting, otherOrder.State.Status);
    }

    [Fact]
    public void Decide_GoalMetByARecentEventTheInstanceMissed_ExitsInsteadOfSending()
    {
        var waiting = Start(DelayThenEmail, Checkout);
        var missed = Event(EventTypes.OrderPlaced, """{ "checkout_token": "tok-A" }""", T0.AddMinutes(59), "ev-order");

        var woken = Wake(DelayThenEmail, waiting, context: Context() with { RecentEvents = [missed] });

        Assert.Empty(woken.Sends);
        Assert.Equal(JourneyStatus.Exited, woken.State.Status);
        Assert.Equal("goal 'order placed' met before send", woken.State.EndReason);
    }

    [Fact]
    public void Decide_RecentEventsBeforeEntryOrForOtherKeys_DoNotBlockTheSend()
    {
        var waiting = Start(DelayThenEmail, Checkout);
        var recent = new[]
        {
            Event(EventTypes.OrderPlaced, """{ "checkout_token": "tok-A" }""", T0.AddDays(-1), "ev-old"),
            Event(EventTypes.OrderPlaced, """{ "checkout_token": "tok-B" }""", T0.AddMinutes(10), "ev-other"),
        };

        var woken = Wake(DelayThenEmail, waiting, context: Context() with { RecentEvents = recent });

        Assert.Single(woken.Sends);
    }

    [Fact]
    public void Decide_GoalFilter_MustHold()
    {
        var journey = Journey(
            $"[{Delay("d", "e1", "01:00:00")}, {Email("e1", "")}]",
            "d",
            """[{ "name": "big order", "event_type": "order.placed", "filter": { "path": "event.total_price", "op": "ge", "value": 100 } }]""");
        var waiting = Start(journey);

        var small = Arrive(journey, waiting.State, Event(EventTypes.OrderPlaced, """{ "total_price": 20 }""", T0.AddMinutes(5), "ev-1"));
        var big = Arrive(journey, waiting.State, Event(EventTypes.OrderPlaced, """{ "total_price": 150 }""", T0.AddMinutes(5), "ev-2"));

        Assert.True(small.IsNoOp);
        Assert.Equal(JourneyStatus.Exited, big.State.Status);
    }

    [Fact]
    public void Decide_KeyedGoalOnApiStartedInstance_NeverMatches()
    {
        var waiting = Start(DelayThenEmail);

        var order = Arrive(DelayThenEmail, waiting.State, Event(EventTypes.OrderPlaced, """{ "checkout_token": "tok-A" }""", T0.AddMinutes(5), "ev-1"));

        Assert.True(order.IsNoOp);
    }
}
