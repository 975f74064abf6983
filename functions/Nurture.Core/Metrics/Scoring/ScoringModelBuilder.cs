namespace Nurture.Core.Metrics.Scoring;

/// <summary>Gathers buyers' figures in one pass, then measures the <see cref="ScoringModel"/>.</summary>
public sealed class ScoringModelBuilder
{
    private readonly HashSet<string> _contacts = new(StringComparer.Ordinal);
    private readonly List<long> _lastPurchaseTicks = [];
    private readonly List<decimal> _frequency = [];
    private readonly List<decimal> _monetary = [];
    private readonly List<decimal> _averageOrderValue = [];
    private readonly List<long> _gapTicks = [];

    /// <summary>Adds one contact's summary; contacts without purchases count for nothing.</summary>
    /// <param name="summary">The summary.</param>
    /// <exception cref="ArgumentException">The contact was added before.</exception>
    public void Add(CustomerSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!_contacts.Add(summary.ContactId))
        {
            throw new ArgumentException($"Contact '{summary.ContactId}' was added to the scoring model twice.", nameof(summary));
        }

        if (!summary.IsBuyer)
        {
            return;
        }

        _lastPurchaseTicks.Add(summary.LastPurchaseAt!.Value.UtcTicks);
        _frequency.Add(summary.Purchases);
        _monetary.Add(summary.NetRevenue);
        _averageOrderValue.Add(summary.AverageOrderValue);
        if (summary.MeanGap is { } gap)
        {
            _gapTicks.Add(gap.Ticks);
        }
    }

    /// <summary>Measures the model.</summary>
    /// <param name="asOf">The time recency is measured at.</param>
    /// <param name="settings">Lifecycle settings.</param>
    public ScoringModel Build(DateTimeOffset asOf, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        var thresholds = Thresholds(settings);
        if (_lastPurchaseTicks.Count == 0)
        {
            return new ScoringModel(asOf, 0, thresholds, null, null, null, null);
        }

        var recency = new decimal[_lastPurchaseTicks.Count];
        for (var i = 0; i < recency.Length; i++)
        {
            recency[i] = Math.Max(0, (asOf.UtcTicks - _lastPurchaseTicks[i]) / TimeSpan.TicksPerDay);
        }

        return new ScoringModel(asOf, recency.Length, thresholds, Cuts(recency), Cuts([.. _frequency]), Cuts([.. _monetary]), Cuts([.. _averageOrderValue]));
    }

    private LifecycleThresholds Thresholds(ScoringSettings settings)
    {
        TimeSpan cycle;
        CycleSource source;
        if (settings.PurchaseCycle is { } configured)
        {
            (cycle, source) = (configured, CycleSource.Configured);
        }
        else if (_gapTicks.Count >= settings.MinimumRepeatBuyers)
        {
            var measured = TimeSpan.FromTicks(Median(_gapTicks));
            var clamped = measured < settings.MinimumPurchaseCycle ? settings.MinimumPurchaseCycle
                : measured > settings.MaximumPurchaseCycle ? settings.MaximumPurchaseCycle
                : measured;
            (cycle, source) = (WholeDays(clamped.TotalDays), CycleSource.Measured);
        }
        else
        {
            (cycle, source) = (settings.FallbackPurchaseCycle, CycleSource.Fallback);
        }

        var dormant = settings.DormantAfter ?? WholeDays(cycle.TotalDays * settings.DormantAfterCycles);
        var churned = settings.ChurnedAfter ?? WholeDays(cycle.TotalDays * settings.ChurnedAfterCycles);
        return new LifecycleThresholds(cycle, source, _gapTicks.Count, dormant, churned < dormant ? dormant : churned, settings.LoyalMinimumPurchases);
    }

    private static TimeSpan WholeDays(double days) => TimeSpan.FromDays(Math.Max(1, Math.Round(days, MidpointRounding.AwayFromZero)));

    private static long Median(List<long> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] / 2) + (sorted[middle] / 2) + ((sorted[middle - 1] % 2 + sorted[middle] % 2) / 2);
    }

    private static QuintileCuts Cuts(decimal[] values)
    {
        Array.Sort(values);
        return QuintileCuts.FromSorted(values);
    }
}
