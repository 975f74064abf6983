namespace Nurture.Core.Metrics.Scoring;

/// <summary>
/// The shop-wide yardsticks every contact is scored against: lifecycle thresholds and the RFM quintile cuts,
/// measured over all buyers at <see cref="AsOf"/>. Kept fixed between rebuilds, so a contact's score only
/// changes when their own data changes or when time passes one of their known change instants.
/// </summary>
/// <param name="AsOf">When it was measured (also its identity: scores remember the model they used).</param>
/// <param name="Buyers">Contacts with at least one purchase.</param>
/// <param name="Lifecycle">Lifecycle thresholds.</param>
/// <param name="RecencyDays">Cuts of whole days since the last purchase; null without buyers.</param>
/// <param name="Frequency">Cuts of the number of purchases; null without buyers.</param>
/// <param name="Monetary">Cuts of net revenue; null without buyers.</param>
/// <param name="AverageOrderValue">Cuts of net revenue per purchase; null without buyers.</param>
public sealed record ScoringModel(
    DateTimeOffset AsOf,
    int Buyers,
    LifecycleThresholds Lifecycle,
    QuintileCuts? RecencyDays,
    QuintileCuts? Frequency,
    QuintileCuts? Monetary,
    QuintileCuts? AverageOrderValue)
{
    /// <summary>Measures a model over every contact's summary (each contact once).</summary>
    /// <param name="summaries">One summary per contact; contacts without purchases are skipped.</param>
    /// <param name="asOf">The time to measure recency at.</param>
    /// <param name="settings">Lifecycle settings.</param>
    public static ScoringModel Build(IEnumerable<CustomerSummary> summaries, DateTimeOffset asOf, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var builder = new ScoringModelBuilder();
        foreach (var summary in summaries)
        {
            builder.Add(summary);
        }

        return builder.Build(asOf, settings);
    }

    /// <summary>Whether the model should be rebuilt (and every contact rescored) before scoring at <paramref name="now"/>.</summary>
    /// <param name="now">The run time.</param>
    /// <param name="settings">Holds the maximum age.</param>
    public bool IsStale(DateTimeOffset now, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return now - AsOf >= settings.ModelMaxAge || now < AsOf;
    }
}
