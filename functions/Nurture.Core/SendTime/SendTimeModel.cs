namespace Nurture.Core.SendTime;

/// <summary>
/// What a contact's profile knows about when they pay attention: honest engagement and our own deliveries,
/// each by <see cref="WeekSlots.KeyOf"/> key (UTC quarter hour of the week and DST season), exponentially
/// decayed and valued as of <see cref="AsOf"/>. <see cref="SendTimeAdvisor"/> turns it into a choice.
/// </summary>
/// <remarks>
/// <para>Decay is computed from event times only, never from a clock: an event later than <see cref="AsOf"/>
/// first decays everything forward to it; an earlier one (a late delivery) is added already decayed to
/// <see cref="AsOf"/>. Either way the result is the one of applying events in time order, so updates commute
/// (up to rounding, and up to the weights under <see cref="Floor"/> or beyond the capacities being dropped).</para>
/// <para>Deliveries are kept so that engagement which merely followed our sends can be discounted: a
/// contact is not "most active" at the hour we always mailed them.</para>
/// </remarks>
public sealed partial record SendTimeModel
{
    /// <summary>Most engagement keys kept; beyond it the smallest weights are dropped.</summary>
    public const int EngagementCapacity = 192;

    /// <summary>Most delivery keys kept.</summary>
    public const int DeliveryCapacity = 96;

    /// <summary>Decayed weights below this are dropped.</summary>
    public const double Floor = 1e-3;

    /// <summary>A model with no evidence.</summary>
    public static SendTimeModel Empty { get; } = new();

    /// <summary>Honest engagement weight by key (clicks, orders, sessions, page views, human opens; never machine opens).</summary>
    public SlotWeights Engagement { get; init; } = SlotWeights.Empty;

    /// <summary>Our deliveries (emails delivered, SMS delivered) by key, each of weight 1 before decay.</summary>
    public SlotWeights Deliveries { get; init; } = SlotWeights.Empty;

    /// <summary>The part of <see cref="Engagement"/>'s total that responded to a message (human opens, clicks, SMS replies).</summary>
    public double ResponseWeight { get; init; }

    /// <summary>Genuine engagements recorded, undecayed (the evidence count an explanation reports).</summary>
    public int EngagementCount { get; init; }

    /// <summary>Deliveries recorded, undecayed.</summary>
    public int DeliveryCount { get; init; }

    /// <summary>The earliest event recorded; null when empty.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The time the weights are valued at: the latest event recorded, or the time decayed to.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Hours from <see cref="Since"/> to <see cref="AsOf"/>, decayed like the weights (the time engagement could have been observed).</summary>
    public double ObservedHours { get; init; }

    /// <summary>Whether nothing has been recorded.</summary>
    public bool IsEmpty => AsOf is null;

    /// <summary>The factor that decays a weight over <paramref name="elapsed"/>.</summary>
    /// <param name="elapsed">Time elapsed (none when negative).</param>
    /// <param name="halfLife">The half-life.</param>
    public static double DecayFactor(TimeSpan elapsed, TimeSpan halfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        return elapsed <= TimeSpan.Zero ? 1d : Math.Pow(0.5, elapsed / halfLife);
    }

    /// <summary>The decayed length of [<paramref name="since"/>, <paramref name="asOf"/>] in hours: ∫ 2^(−(asOf − t)/h) dt.</summary>
    /// <param name="since">The start.</param>
    /// <param name="asOf">The valuation time.</param>
    /// <param name="halfLife">The half-life.</param>
    public static double DecayedHours(DateTimeOffset since, DateTimeOffset asOf, TimeSpan halfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        return asOf <= since ? 0d : halfLife.TotalHours / Math.Log(2) * (1 - DecayFactor(asOf - since, halfLife));
    }

    /// <summary>The model valued at <paramref name="now"/> (unchanged when <paramref name="now"/> is not later than <see cref="AsOf"/>).</summary>
    /// <param name="now">The time to value the model at.</param>
    /// <param name="halfLife">The half-life.</param>
    public SendTimeModel DecayedTo(DateTimeOffset now, TimeSpan halfLife) => IsEmpty || now <= AsOf!.Value ? this : Advance(now, halfLife);
}
