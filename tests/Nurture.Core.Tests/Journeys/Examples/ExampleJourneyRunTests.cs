using Nurture.Core.Events;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Examples;

/// <summary>The shipped example journeys, walked end to end through entry and the decider.</summary>
public sealed class ExampleJourneyRunTests
{
    private static readonly JourneyDefinition AbandonedCheckout = JourneyExamples.Load("abandoned-checkout");
    private static readonly CanonicalEvent Checkout = Event(EventTypes.CheckoutUpdated, """{ "checkoutToken": "tok-A", "total": "80.00" }""", T0, "ev-checkout");

    [Fact]
    public void AbandonedCheckout_WithoutOrder_SendsEmailAfterAnHourThenSmsADayLater()
    {
        var state = JourneyEntryEvaluator.ForEvent(AbandonedCheckout, Checkout, Contact(), [], T0).State!;

        var started = JourneyDecider.Decide(AbandonedCheckout, state, new StartTrigger(T0), Context());
        var afterHour = Wake(AbandonedCheckout, started);
        var afterDay = Wake(AbandonedCheckout, afterHour);

        Assert.Equal(T0.AddHours(1), started.State.Timer!.DueAt);
        var email = Assert.Single(afterHour.Sends);
        Assert.Equal((MessageChannel.Email, "abandoned-checkout-email"), (email.Channel, email.TemplateId));
        Assert.Equal(T0.AddHours(25), afterHour.State.Timer!.DueAt);
        var sms = Assert.Single(afterDay.Sends);
        Assert.Equal((MessageChannel.Sms, "abandoned-checkout-sms"), (sms.Channel, sms.TemplateId));
        Assert.Equal(JourneyStatus.Completed, afterDay.State.Status);
        Assert.Equal("reminders sent", afterDay.State.EndReason);
    }

    [Fact]
    public void AbandonedCheckout_OrderAfterEmail_ExitsBeforeTheSms()
    {
        var state = JourneyEntryEvaluator.ForEvent(AbandonedCheckout, Checkout, Contact(), [], T0).State!;
        var afterHour = Wake(AbandonedCheckout, JourneyDecider.Decide(AbandonedCheckout, state, new StartTrigger(T0), Context()));

        var ordered = Arrive(AbandonedCheckout, afterHour.State, Event(EventTypes.OrderPlaced, """{ "checkoutToken": "tok-A" }""", T0.AddHours(5), "ev-order"));

        Assert.Single(afterHour.Sends);
        Assert.Equal(JourneyStatus.Exited, ordered.State.Status);
        Assert.Empty(JourneyDecider.Decide(AbandonedCheckout, ordered.State, new WakeUpTrigger(afterHour.State.Timer!.TimerId, T0.AddHours(25)), Context()).Sends);
    }

    [Fact]
    public void WelcomeSeries_NewCustomerWithoutOrder_GetsCouponTagAndCouponEmail()
    {
        var welcome = JourneyExamples.Load("welcome-series");
        var created = Event(EventTypes.CustomerCreated, "{}", T0, "ev-created");
        var state = JourneyEntryEvaluator.ForEvent(welcome, created, Contact(), [], T0).State!;

        var started = JourneyDecider.Decide(welcome, state, new StartTrigger(T0), Context());
        var twoDaysLater = Wake(welcome, started);
        var atBestTime = Wake(welcome, twoDaysLater);

        Assert.Equal("welcome-1", Assert.Single(started.Sends).TemplateId);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero), started.State.Timer!.DueAt);
        Assert.Equal(TimerPurpose.BestTime, twoDaysLater.State.Timer!.Purpose);
        Assert.Equal("welcome-coupon", Assert.Single(atBestTime.Sends).TemplateId);
        Assert.Equal(JourneyStatus.WaitingForEvent, atBestTime.State.Status);
    }

    [Fact]
    public void WinBack_DormantCustomer_IsSplitAndWaitsForAClick()
    {
        var winBack = JourneyExamples.Load("win-back");
        var dormant = Contact("c-7") with { OrderCount = 3, LastOrderAt = T0.AddDays(-100) };
        var state = JourneyEntryEvaluator.ForApi(winBack, dormant, "segment-run-1", [], T0).State!;

        var started = JourneyDecider.Decide(winBack, state, new StartTrigger(T0), Context(dormant));

        var variant = started.State.Variants!["offer_split"];
        if (variant == JourneyDecider.HoldoutVariant)
        {
            Assert.Empty(started.Sends);
            Assert.Equal(JourneyStatus.Exited, started.State.Status);
        }
        else
        {
            var sent = Wake(winBack, started, context: Context(dormant));
            Assert.Equal(TimerPurpose.BestTime, started.State.Timer!.Purpose);
            Assert.Equal(variant == "discount" ? "win-back-discount" : "win-back-free-shipping", Assert.Single(sent.Sends).TemplateId);
            Assert.Equal(JourneyStatus.WaitingForEvent, sent.State.Status);
        }
    }

    [Fact]
    public void Replenishment_WaitsThePurchaseCycleThenRemindsAtNineLocal()
    {
        var replenishment = JourneyExamples.Load("replenishment");
        var order = Event(EventTypes.OrderPlaced, """{ "replenishable": true }""", T0, "ev-order");
        var contact = Contact(timeZone: "Europe/Berlin") with
        {
            Attributes = new Dictionary<string, System.Text.Json.JsonElement> { ["purchase_cycle_days"] = System.Text.Json.JsonSerializer.SerializeToElement(14) },
        };
        var state = JourneyEntryEvaluator.ForEvent(replenishment, order, contact, [], T0).State!;

        var started = JourneyDecider.Decide(replenishment, state, new StartTrigger(T0), Context(contact));

        // 14 days after Monday 12:00 UTC is 16 March 13:00 CET; the next 09:00 CET is 17 March 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.Zero), started.State.Timer!.DueAt);
    }

    [Theory]
    [InlineData(true, MessageChannel.Sms, "flash-sale-ending-sms")]
    [InlineData(false, MessageChannel.Email, "flash-sale-ending")]
    public void FlashSale_RemindsNextMorningBySmsWhenThereIsAPhoneElseByEmail(bool hasPhone, MessageChannel channel, string template)
    {
        var flashSale = JourneyExamples.Load("flash-sale");
        var vip = Contact("c-9") with { Tags = new HashSet<string> { "vip" }, HasPhone = hasPhone };
        var state = JourneyEntryEvaluator.ForApi(flashSale, vip, "sale-2026-03", [], T0).State!;

        var started = JourneyDecider.Decide(flashSale, state, new StartTrigger(T0), Context(vip));
        var nextMorning = Wake(flashSale, started, context: Context(vip));

        Assert.Equal("flash-sale-announce", Assert.Single(started.Sends).TemplateId);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), started.State.Timer!.DueAt);
        var reminder = Assert.Single(nextMorning.Sends);
        Assert.Equal((channel, template), (reminder.Channel, reminder.TemplateId));
    }

    [Fact]
    public void PostPurchaseReview_ReviewForThisOrderEndsTheJourneyBeforeTheReminder()
    {
        var review = JourneyExamples.Load("post-purchase-review");
        var fulfilled = Event(EventTypes.OrderFulfilled, """{ "orderId": "o-1" }""", T0, "ev-fulfilled");
        var state = JourneyEntryEvaluator.ForEvent(review, fulfilled, Contact(), [], T0).State!;

        var started = JourneyDecider.Decide(review, state, new StartTrigger(T0), Context());
        var asked = Wake(review, started);
        var otherOrder = Arrive(review, asked.State, Event(EventTypes.ReviewSubmitted, """{ "orderId": "o-2" }""", T0.AddDays(9), "ev-r2"));
        var thisOrder = Arrive(review, asked.State, Event(EventTypes.ReviewSubmitted, """{ "orderId": "o-1" }""", T0.AddDays(9), "ev-r1"));

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero), started.State.Timer!.DueAt);
        Assert.Equal("review-request", Assert.Single(asked.Sends).TemplateId);
        Assert.True(otherOrder.IsNoOp);
        Assert.Equal("goal 'review submitted' met by review_submitted", thisOrder.State.EndReason);
    }
}

