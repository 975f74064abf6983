using Nurture.Core.Journeys.Policies;
using Nurture.Core.SendTime;
using static Nurture.Core.Tests.SendTime.SendTimeFixtures;

namespace Nurture.Core.Tests.SendTime;

public sealed class CapIntervalsTests
{
    [Fact]
    public void Blocked_IsWhereTheCapIsAlreadyFull()
    {
        var cap = new FrequencyCap(2, TimeSpan.FromHours(24));
        var sends = new[] { T0.AddHours(-20), T0.AddHours(-2), T0.AddHours(-30) };

        var blocked = CapIntervals.Blocked(sends, cap);

        // (−30 h, −20 h) fill the cap from −20 h until −30 h + 24 h = −6 h; (−20 h, −2 h) from −2 h until +4 h.
        Assert.Equal([new BlockedInterval(T0.AddHours(-20), T0.AddHours(-6)), new BlockedInterval(T0.AddHours(-2), T0.AddHours(4))], blocked);
    }

    [Fact]
    public void Blocked_JoinsOverlapsAndIsEmptyUnderTheCap()
    {
        var cap = new FrequencyCap(1, TimeSpan.FromHours(10));

        Assert.Equal([new BlockedInterval(T0, T0.AddHours(13))], CapIntervals.Blocked([T0, T0.AddHours(3)], cap));
        Assert.Empty(CapIntervals.Blocked([T0], new FrequencyCap(2, TimeSpan.FromHours(10))));
    }
}
