using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Core.SendTime;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Decider;

public sealed class JourneyDeciderSendTimingTests
{
    private static readonly JourneyDefinition EmailThenDone = Journey($"[{Email("e1", "done")}, {Exit("done")}]", "e1");
    private static readonly JourneyDefinition SmsThenDone = Journey($"[{Sms("s1", "done")}, {Exit("done")}]", "s1");

    [Fact]
    public void Decide_SmsInQuietHours_DefersToTheEndOfTheQuietWindow()
    {
        var newYork = Context(Contact(timeZone: "America/New_York"));
        var tenPmInNewYork = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);

        var deferred = Start(SmsThenDone, context: newYork, at: tenPmInNewYork);

        Assert.Empty(deferred.Sends);
        Assert.Equal(JourneyStatus.Waiting, deferred.State.Status);
        Assert.Equal(new PendingTimer("s1#1/senddeferred/0", new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero), TimerPurpose.SendDeferred, "s1"), deferred.State.Timer);
        Assert.StartsWith("SMS quiet hours 21:00-08:00 in America/New_York", Assert.Single(deferred.History, h => h.Kind == HistoryKind.Deferred).Message, StringComparison.Ordinal);

        var sent = Wake(SmsThenDone, deferred, context: newYork);

        Assert.Equal(JourneyIds.MessageId("ji-test", "s1", 1), Assert.Single(sent.Sends).MessageId);
    }

    [Fact]
    public void Decide_SmsQuietHoursOnSpringForwardNight_EndAtLocalEightOClock()
    {
        var elevenPmSaturday = new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.Zero);

        var deferred = Start(SmsThenDone, context: Context(Contact(timeZone: "America/New_York")), at: elevenPmSaturday);

        // 08:00 EDT (UTC-4) on 8 March, not 08:00 EST.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), deferred.State.Timer!.DueAt);
    }

    [Fact]
    public void Decide_EmailHasNoQuietHoursByDefault()
    {
        var result = Start(EmailThenDone, context: Context(Contact(timeZone: "America/New_York")), at: new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));

        Assert.Single(result.Sends);
    }

    [Theory]
    [InlineData("high", 240)]
    [InlineData("normal", 245)]
    [InlineData("low", 255)]
    public void Decide_WhenEmailCapReached_DefersByPriorityAndNeverDrops(string priority, int minutesLater)
    {
        var journey = Journey($"[{Email("e1", "", extra: $", \"priority\": \"{priority}\"")}]", "e1");
        var recent = new[] { new SentMessage(MessageChannel.Email, T0.AddHours(-20)), new SentMessage(MessageChannel.Email, T0.AddHours(-2)) };
        var context = Context() with { RecentSends = recent };

        var deferred = Start(journey, context: context);

        Assert.Empty(deferred.Sends);
        Assert.Equal(T0.AddMinutes(minutesLater), deferred.State.Timer!.DueAt);
        Assert.Contains("email frequency cap 2 per 24 h reached", Assert.Single(deferred.History, h => h.Kind == HistoryKind.Deferred).Message, StringComparison.Ordinal);

        var sent = Wake(journey, deferred, context: context);

        Assert.Single(sent.Sends);
    }

    [Fact]
    public void Decide_CapCountsOnlyMarketingOnTheSameChannel()
    {
        var recent = new[]
        {
            new SentMessage(MessageChannel.Email, T0.AddHours(-1), Marketing: false),
            new SentMessage(MessageChannel.Sms, T0.AddHours(-1)),
            new SentMessage(MessageChannel.Email, T0.AddHours(-25)),
            new SentMessage(MessageChannel.Email, T0.AddHours(-3)),
        };

        var result = Start(EmailThenDone, context: Context() with { RecentSends = recent });

        Assert.Single(result.Sends);
    }

    [Fact]
    public void Decide_WhenStillCappedAtWakeUp_DefersAgainWithANewTimer()
    {
        var journey = Journey($"[{Email("e1", "")}]", "e1");
        var first = Start(journey, context: Context() with { RecentSends = [new(MessageChannel.Email, T0.AddHours(-20)), new(MessageChannel.Email, T0.AddHours(-2))] });
        var later = Context() with { RecentSends = [new(MessageChannel.Email, T0.AddHours(-2)), new(MessageChannel.Email, T0.AddHours(4))] };

        var second = Wake(journey, first, context: later);

        Assert.Empty(second.Sends);
        Assert.Equal("e1#1/senddeferred/1", second.State.Timer!.TimerId);
        Assert.Equal(T0.AddHours(22).AddMinutes(5), second.State.Timer.DueAt);
        Assert.Equal(2, second.State.SendAttempt);
    }

    [Fact]
    public void Decide_BestTime_WaitsForTheContactsBestSlot()
    {
        var context = Context(Contact() with { SendTime = Evidence((18, 18), (13, 3)) });

        var waiting = Start(BestTimeEmail, context: context);

        // Monday 18:00 UTC dominates; a message waits in the inbox, so the best slot is at or shortly before it.
        Assert.Empty(waiting.Sends);
        var due = waiting.State.Timer!.DueAt;
        Assert.Equal(TimerPurpose.BestTime, waiting.State.Timer.Purpose);
        Assert.InRange(due, T0.AddHours(4.5), T0.AddHours(6));
        Assert.Equal(0, due.Minute % 15);
        Assert.Contains("personal, 21 engagements", Assert.Single(waiting.History, h => h.Kind == HistoryKind.Deferred).Message, StringComparison.Ordinal);

        var sent = Wake(BestTimeEmail, waiting, context: context);

        Assert.Equal(SendTimeArm.Optimized, Assert.Single(sent.Sends).SendTime);
    }

    [Fact]
    public void Decide_BestTime_AvoidsQuietHours()
    {
        var journey = Journey($"[{Sms("s1", "", extra: ", \"best_time\": { \"within_hours\": 24 }")}]", "s1");
        var waiting = Start(journey, context: Context(Contact() with { SendTime = Evidence((22, 48), (19, 6)) }));

        // 22:00 is inside SMS quiet hours (21:00-08:00): the next best slot comes before them.
        Assert.InRange(waiting.State.Timer!.DueAt, T0.AddHours(6), T0.AddHours(8.75));
        Assert.Contains("a better slot was quiet or capped", Assert.Single(waiting.History, h => h.Kind == HistoryKind.Deferred).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BestTime_MovesOffACappedSlot()
    {
        // Two marketing emails 16 h and 15 h ago fill the 2-per-24 h cap until 20:00 UTC, over the 18:00 peak.
        var recent = new[] { new SentMessage(MessageChannel.Email, T0.AddHours(-16)), new SentMessage(MessageChannel.Email, T0.AddHours(-15)) };
        var context = Context(Contact() with { SendTime = Evidence((18, 12), (21, 6)) }) with { RecentSends = recent };

        var waiting = Start(BestTimeEmail, context: context);

        Assert.InRange(waiting.State.Timer!.DueAt, T0.AddHours(8), T0.AddHours(9.5));
        Assert.Contains("a better slot was quiet or capped", Assert.Single(waiting.History, h => h.Kind == HistoryKind.Deferred).Message, StringComparison.Ordinal);
        Assert.Single(Wake(BestTimeEmail, waiting, context: context).Sends);
    }

    [Fact]
    public void Decide_BestTimeWithoutEvidence_UsesTheDefaultCurveOnWholeHours()
    {
        var waiting = Start(BestTimeEmail);

        var due = waiting.State.Timer!.DueAt;
        Assert.Equal(0, due.Minute);
        Assert.InRange(due, T0.AddHours(4), T0.AddHours(8));
        Assert.Contains("default, 0 engagements, confidence 0.00", Assert.Single(waiting.History, h => h.Kind == HistoryKind.Deferred).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BestTimeHoldout_SendsAStableShareAtThePlainTime()
    {
        var journey = Journey($"[{Email("e1", "", extra: ", \"best_time\": { \"within_hours\": 24, \"holdout_share\": 0.3 }")}]", "e1");
        var context = Context(Contact() with { SendTime = Evidence((18, 12)) });
        var holdouts = 0;
        for (var i = 0; i < 200; i++)
        {
            var state = Pending(journey, instanceId: $"ji-{i}");
            var first = JourneyDecider.Decide(journey, state, new StartTrigger(T0), context);
            var again = JourneyDecider.Decide(journey, state, new StartTrigger(T0), context);
            Assert.Equal(first.Sends.Count, again.Sends.Count);
            if (first.Sends.Count == 1)
            {
                holdouts++;
                Assert.Equal(SendTimeArm.Holdout, first.Sends[0].SendTime);
                Assert.Contains(first.History, h => h.Message.StartsWith("best-time holdout (0.3 of sends)", StringComparison.Ordinal));
            }
            else
            {
                Assert.NotEqual(SendTimeArm.Holdout, Assert.Single(Wake(journey, first, context: context).Sends).SendTime);
            }
        }

        Assert.InRange(holdouts, 40, 80);
    }

    [Fact]
    public void Decide_TransactionalBestTimeSend_GoesAtOnceWithoutAnArm()
    {
        var journey = Journey($"[{Email("e1", "", extra: ", \"marketing\": false, \"best_time\": { \"within_hours\": 24 }")}]", "e1");

        Assert.Null(Assert.Single(Start(journey).Sends).SendTime);
    }

    [Fact]
    public void Decide_ContactWithoutAZone_IsJudgedInTheShopsZone()
    {
        var shop = ShopSendTimePattern.Default("America/New_York");
        var context = Context(Contact(timeZone: null)) with { ShopSendTime = shop };

        // 12:00 UTC is 07:00 in New York: inside SMS quiet hours there, not in UTC.
        var deferred = Start(SmsThenDone, context: context);

        Assert.Equal(T0.AddHours(1), deferred.State.Timer!.DueAt);
        Assert.Single(Start(SmsThenDone).Sends);
    }

    [Fact]
    public void Decide_BestTime_UsesTheShopsPatternForAContactWithoutEvidence()
    {
        var evenings = Enumerable.Range(0, WeekSlots.PerWeek).Select(slot => slot % WeekSlots.PerDay is >= 84 and < 88 ? 20d : 1d).ToArray();
        var shop = ShopSendTimePattern.Default("UTC") with { Shape = [.. evenings.Select(v => v / evenings.Sum())], EvidenceWeight = 5_000 };

        var waiting = Start(BestTimeEmail, context: Context() with { ShopSendTime = shop });

        // The shop's contacts read at 21:00-22:00 (UTC here): the send waits for the evening, on a quarter hour.
        Assert.InRange(waiting.State.Timer!.DueAt, T0.AddHours(7), T0.AddHours(10));
        Assert.Contains("(profile), shop, 0 engagements", Assert.Single(waiting.History, h => h.Kind == HistoryKind.Deferred).Message, StringComparison.Ordinal);
    }

    private static readonly JourneyDefinition BestTimeEmail = Journey($"[{Email("e1", "", extra: ", \"best_time\": { \"within_hours\": 24 }")}]", "e1");

    /// <summary>Orders on the Mondays of the six weeks before T0, at whole UTC hours.</summary>
    private static SendTimeModel Evidence(params (int Hour, int Count)[] slots)
    {
        var model = SendTimeModel.Empty;
        foreach (var (hour, count) in slots)
        {
            for (var i = 0; i < count; i++)
            {
                var at = T0.Date.AddDays(-7 * (1 + (i % 6))).AddHours(hour);
                model = model.WithEngagement(new DateTimeOffset(at, TimeSpan.Zero), 1, response: false, TimeSpan.FromDays(30));
            }
        }

        return model.DecayedTo(T0, TimeSpan.FromDays(30));
    }
}
