namespace Nurture.Core.SendTime;

public sealed partial record SendTimeModel
{
    /// <summary>The model with one genuine engagement of <paramref name="weight"/> at <paramref name="at"/>.</summary>
    /// <param name="at">When the contact engaged.</param>
    /// <param name="weight">The event type's evidence weight (positive).</param>
    /// <param name="response">Whether it responded to a message (a human open, a click, an SMS reply).</param>
    /// <param name="halfLife">The half-life.</param>
    public SendTimeModel WithEngagement(DateTimeOffset at, double weight, bool response, TimeSpan halfLife)
    {
        if (!(weight > 0) || double.IsInfinity(weight))
        {
            return this;
        }

        var next = Advance(at, halfLife);
        var decayed = weight * DecayFactor(next.AsOf!.Value - at, halfLife);
        return next.Observe(at, halfLife) with
        {
            Engagement = next.Engagement.Add(WeekSlots.KeyOf(at), decayed).Trim(EngagementCapacity),
            ResponseWeight = next.ResponseWeight + (response ? decayed : 0d),
            EngagementCount = next.EngagementCount + 1,
        };
    }

    /// <summary>The model with one of our messages delivered at <paramref name="at"/>.</summary>
    /// <param name="at">When it was delivered.</param>
    /// <param name="halfLife">The half-life.</param>
    public SendTimeModel WithDelivery(DateTimeOffset at, TimeSpan halfLife)
    {
        var next = Advance(at, halfLife);
        return next.Observe(at, halfLife) with
        {
            Deliveries = next.Deliveries.Add(WeekSlots.KeyOf(at), DecayFactor(next.AsOf!.Value - at, halfLife)).Trim(DeliveryCapacity),
            DeliveryCount = next.DeliveryCount + 1,
        };
    }

    /// <summary>The sum of two models, valued at the later <see cref="AsOf"/> (identity merge).</summary>
    /// <param name="other">The other contact's model.</param>
    /// <param name="halfLife">The half-life.</param>
    public SendTimeModel Merge(SendTimeModel other, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var asOf = AsOf!.Value >= other.AsOf!.Value ? AsOf.Value : other.AsOf.Value;
        var mine = DecayFactor(asOf - AsOf.Value, halfLife);
        var theirs = DecayFactor(asOf - other.AsOf.Value, halfLife);
        var since = Since!.Value <= other.Since!.Value ? Since.Value : other.Since.Value;
        return new SendTimeModel
        {
            Engagement = SlotWeights.Sum(Engagement, mine, other.Engagement, theirs).Trim(EngagementCapacity),
            Deliveries = SlotWeights.Sum(Deliveries, mine, other.Deliveries, theirs).Trim(DeliveryCapacity),
            ResponseWeight = (ResponseWeight * mine) + (other.ResponseWeight * theirs),
            EngagementCount = EngagementCount + other.EngagementCount,
            DeliveryCount = DeliveryCount + other.DeliveryCount,
            Since = since,
            AsOf = asOf,
            ObservedHours = DecayedHours(since, asOf, halfLife),
        };
    }

    /// <summary>Moves the valuation time forward to <paramref name="at"/> when it is later, decaying everything.</summary>
    private SendTimeModel Advance(DateTimeOffset at, TimeSpan halfLife)
    {
        if (AsOf is null)
        {
            return this with { AsOf = at, Since = at };
        }

        if (at <= AsOf.Value)
        {
            return this;
        }

        var factor = DecayFactor(at - AsOf.Value, halfLife);
        return this with
        {
            Engagement = Engagement.Scale(factor, Floor),
            Deliveries = Deliveries.Scale(factor, Floor),
            ResponseWeight = ResponseWeight * factor,
            AsOf = at,
            ObservedHours = DecayedHours(Since!.Value, at, halfLife),
        };
    }

    private SendTimeModel Observe(DateTimeOffset at, TimeSpan halfLife)
    {
        var since = Since is { } known && known <= at ? known : at;
        return this with { Since = since, ObservedHours = DecayedHours(since, AsOf!.Value, halfLife) };
    }
}
