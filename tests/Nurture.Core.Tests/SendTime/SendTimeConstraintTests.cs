using Nurture.Core.Journeys.Policies;
using Nurture.Core.SendTime;
using static Nurture.Core.Tests.SendTime.SendTimeFixtures;

namespace Nurture.Core.Tests.SendTime;

public sealed class SendTimeConstraintTests
{
    private static readonly DateTimeOffset MondayNight = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly SendTimeModel Evenings = Weekdays(SendTimeModel.Empty, NewYork, new TimeOnly(20, 0), weeks: 8, MondayNight, weight: 3);

    private static SendTimeRequest Request(QuietHours? quiet = null, IReadOnlyList<BlockedInterval>? blocked = null, double hours = 24, string? key = null) =>
        new(MondayNight, TimeSpan.FromHours(hours), NewYork, Evenings, FlatShop, quiet, blocked, key);

    [Fact]
    public void Choose_QuietBestSlot_MovesToTheNextBest()
    {
        var free = SendTimeAdvisor.Choose(Request());
        var quiet = SendTimeAdvisor.Choose(Request(new QuietHours(new TimeOnly(18, 0), new TimeOnly(22, 0))));

        Assert.InRange(LocalTime(free), new TimeOnly(18, 0), new TimeOnly(20, 15));
        Assert.False(free.Constrained);
        Assert.True(quiet.Constrained);
        Assert.False(quiet.BeyondWindow);
        Assert.False(new QuietHours(new TimeOnly(18, 0), new TimeOnly(22, 0)).Contains(quiet.At, NewYork));
        Assert.InRange(LocalTime(quiet), new TimeOnly(16, 0), new TimeOnly(18, 0));
    }

    [Fact]
    public void Choose_WindowAllQuiet_MovesToTheEndOfTheQuietHoursNeverDrops()
    {
        var choice = SendTimeAdvisor.Choose(Request(new QuietHours(new TimeOnly(0, 0), new TimeOnly(8, 0)), hours: 4));

        Assert.True(choice.BeyondWindow);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero), choice.At);
    }

    [Fact]
    public void Choose_CappedBestSlot_MovesToTheNextBest()
    {
        var free = SendTimeAdvisor.Choose(Request());
        var blocked = new BlockedInterval(free.At.AddHours(-3), free.At.AddHours(3));

        var capped = SendTimeAdvisor.Choose(Request(blocked: [blocked]));

        Assert.True(capped.Constrained);
        Assert.False(blocked.Contains(capped.At));
        Assert.InRange(capped.At, MondayNight, MondayNight.AddHours(24));
    }

    [Fact]
    public void Choose_WindowAllCapped_MovesToWhenTheCapFrees()
    {
        var blocked = new BlockedInterval(MondayNight.AddHours(-1), MondayNight.AddHours(30));

        var choice = SendTimeAdvisor.Choose(Request(blocked: [blocked]));

        Assert.True(choice.BeyondWindow);
        Assert.Equal(MondayNight.AddHours(30), choice.At);
    }

    [Fact]
    public void IsExplored_IsStableAndNearItsShare()
    {
        var options = SendTimeOptions.Default with { ExplorationShare = 0.1 };
        var keys = Enumerable.Range(0, 4000).Select(i => $"jm-{i:x8}").ToArray();

        var explored = keys.Count(k => SendTimeAdvisor.IsExplored(k, options));

        Assert.InRange(explored, 340, 460);
        Assert.All(keys.Take(200), k => Assert.Equal(SendTimeAdvisor.IsExplored(k, options), SendTimeAdvisor.IsExplored(k, options)));
        Assert.DoesNotContain(keys, k => SendTimeAdvisor.IsExplored(k, options with { ExplorationShare = 0 }));
    }

    [Fact]
    public void Choose_ExploredSend_TakesAGoodSlotInTheWindow()
    {
        var best = SendTimeAdvisor.Choose(Request());
        var key = Enumerable.Range(0, 1000).Select(i => $"jm-{i}").First(k => SendTimeAdvisor.IsExplored(k, SendTimeOptions.Default));

        var explored = SendTimeAdvisor.Choose(Request(key: key));
        var again = SendTimeAdvisor.Choose(Request(key: key));

        Assert.True(explored.Explored);
        Assert.False(best.Explored);
        Assert.Equal(explored.At, again.At);
        Assert.InRange(explored.At, MondayNight, MondayNight.AddHours(24));
        Assert.True(explored.Lift >= SendTimeOptions.Default.ExplorationFloor * best.Lift - 1e-9);
    }

    [Fact]
    public void Choose_ExplainsItself()
    {
        var choice = SendTimeAdvisor.Choose(Request() with { ZoneSource = ZoneSource.Inferred });
        var unsure = SendTimeAdvisor.Choose(new SendTimeRequest(MondayNight, TimeSpan.FromHours(24), NewYork));

        Assert.Equal(TimeSpan.Zero, choice.At.Offset);
        Assert.Equal(choice.At, choice.LocalAt);
        Assert.Equal(NewYork.GetUtcOffset(choice.At), choice.LocalAt.Offset);
        Assert.Equal(("America/New_York", ZoneSource.Inferred, SendTimeBasis.Personal), (choice.TimeZone, choice.ZoneSource, choice.Basis));
        Assert.Equal(Evenings.EngagementCount, choice.EvidenceCount);
        Assert.True(choice.EffectiveEvidence > 3);
        Assert.True(choice.Lift > 1);
        Assert.Equal(0, choice.At.Minute % 15);
        Assert.Equal((SendTimeBasis.Default, 60, 0), (unsure.Basis, unsure.ResolutionMinutes, unsure.At.Minute));
    }
}
