using Nurture.Core.SendTime;
using static Nurture.Core.Tests.SendTime.SendTimeFixtures;

namespace Nurture.Core.Tests.SendTime;

public sealed class SendTimeModelTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void Updates_OutOfOrder_EqualInOrder()
    {
        var inOrder = SendTimeModel.Empty
            .WithDelivery(T0, HalfLife)
            .WithEngagement(T0.AddMinutes(40), 1, response: true, HalfLife)
            .WithEngagement(T0 + Week, 3, response: false, HalfLife)
            .WithDelivery(T0 + (3 * Week), HalfLife);
        var late = SendTimeModel.Empty
            .WithDelivery(T0 + (3 * Week), HalfLife)
            .WithEngagement(T0 + Week, 3, response: false, HalfLife)
            .WithEngagement(T0.AddMinutes(40), 1, response: true, HalfLife)
            .WithDelivery(T0, HalfLife);

        Assert.Equal(inOrder.Engagement.Keys.ToArray(), late.Engagement.Keys.ToArray());
        Assert.Equal(inOrder.Deliveries.Keys.ToArray(), late.Deliveries.Keys.ToArray());
        for (var i = 0; i < inOrder.Engagement.Count; i++)
        {
            Assert.Equal(inOrder.Engagement.Values[i], late.Engagement.Values[i], 12);
        }

        Assert.Equal(inOrder.ResponseWeight, late.ResponseWeight, 12);
        Assert.Equal(inOrder.ObservedHours, late.ObservedHours, 9);
        Assert.Equal((T0, T0 + (3 * Week)), (late.Since!.Value, late.AsOf!.Value));
        Assert.Equal((2, 2), (late.EngagementCount, late.DeliveryCount));
    }

    [Fact]
    public void Merge_EqualsRecordingEverythingOnOneContact()
    {
        var a = SendTimeModel.Empty.WithEngagement(T0, 2, false, HalfLife).WithDelivery(T0 + Week, HalfLife);
        var b = SendTimeModel.Empty.WithEngagement(T0.AddDays(10), 1, true, HalfLife);
        var together = SendTimeModel.Empty.WithEngagement(T0, 2, false, HalfLife).WithDelivery(T0 + Week, HalfLife).WithEngagement(T0.AddDays(10), 1, true, HalfLife);

        var merged = a.Merge(b, HalfLife);

        Assert.Equal(together.Engagement.Keys.ToArray(), merged.Engagement.Keys.ToArray());
        Assert.Equal(together.Engagement.Total(), merged.Engagement.Total(), 12);
        Assert.Equal(together.Deliveries.Total(), merged.Deliveries.Total(), 12);
        Assert.Equal(together.ResponseWeight, merged.ResponseWeight, 12);
        Assert.Equal(together.ObservedHours, merged.ObservedHours, 9);
        Assert.Equal(3, merged.EngagementCount + merged.DeliveryCount);
        Assert.Same(a, a.Merge(SendTimeModel.Empty, HalfLife));
    }

    [Fact]
    public void DecayedTo_HalvesPerHalfLifeAndNeverGoesBack()
    {
        var model = SendTimeModel.Empty.WithEngagement(T0, 4, false, HalfLife);

        var later = model.DecayedTo(T0 + HalfLife + HalfLife, HalfLife);

        Assert.Equal(1d, later.Engagement.Total(), 12);
        Assert.Equal(T0 + HalfLife + HalfLife, later.AsOf);
        Assert.Equal(HalfLife.TotalHours / Math.Log(2) * 0.75, later.ObservedHours, 6);
        Assert.Same(model, model.DecayedTo(T0.AddDays(-1), HalfLife));
        Assert.Equal(4d, model.Engagement.Total());
    }

    [Fact]
    public void WithEngagement_IgnoresNonPositiveOrNonFiniteWeights()
    {
        Assert.Same(SendTimeModel.Empty, SendTimeModel.Empty.WithEngagement(T0, 0, false, HalfLife));
        Assert.Same(SendTimeModel.Empty, SendTimeModel.Empty.WithEngagement(T0, double.NaN, false, HalfLife));
        Assert.Same(SendTimeModel.Empty, SendTimeModel.Empty.WithEngagement(T0, double.PositiveInfinity, false, HalfLife));
    }

    [Fact]
    public void Engagement_KeepsOnlyTheLargestWeightsBeyondItsCapacity()
    {
        var model = SendTimeModel.Empty;
        for (var i = 0; i < SendTimeModel.EngagementCapacity + 10; i++)
        {
            model = model.WithEngagement(T0.AddMinutes(15 * i), i < 10 ? 0.1 : 1, false, HalfLife);
        }

        Assert.Equal(SendTimeModel.EngagementCapacity, model.Engagement.Count);
        Assert.DoesNotContain(WeekSlots.KeyOf(T0), model.Engagement.Keys);
        Assert.Equal(SendTimeModel.EngagementCapacity + 10, model.EngagementCount);
    }
}
