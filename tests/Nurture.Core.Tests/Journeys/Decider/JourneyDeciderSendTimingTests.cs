using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
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
    public void Decide_BestTime_WaitsForTheContactsMostEngagedHour()
    {
        var journey = Journey($"[{Email("e1", "", extra: ", \"best_time\": { \"within_hours\": 24 }")}]", "e1");
        var histogram = new double[168];
        histogram[(1 * 24) + 18] = 5; // Monday 18:00
        histogram[(1 * 24) + 13] = 2; // Monday 13:00
        var context = Context(Contact() with { EngagementByHourOfWeek = histogram });

        var waiting = Start(journey, context: context);

        Assert.Empty(waiting.Sends);
        Assert.Equal(new PendingTimer("e1#1/besttime/0", T0.AddHours(6), TimerPurpose.BestTime, "e1"), waiting.State.Timer);

        var sent = Wake(journey, waiting, context: context);

        Assert.Single(sent.Sends);
    }

    [Fact]
    public void Decide_BestTime_AvoidsQuietHours()
    {
        var journey = Journey($"[{Sms("s1", "", extra: ", \"best_time\": { \"within_hours\": 24 }")}]", "s1");
        var histogram = new double[168];
        histogram[(1 * 24) + 22] = 9; // Monday 22:00: inside SMS quiet hours
        histogram[(1 * 24) + 20] = 4; // Monday 20:00
        var waiting = Start(journey, context: Context(Contact() with { EngagementByHourOfWeek = histogram }));

        Assert.Equal(T0.AddHours(8), waiting.State.Timer!.DueAt);
    }

    [Fact]
    public void Decide_BestTimeWithoutEngagementData_SendsAtOnce()
    {
        var journey = Journey($"[{Email("e1", "", extra: ", \"best_time\": { \"within_hours\": 24 }")}]", "e1");

        Assert.Single(Start(journey).Sends);
    }
}
