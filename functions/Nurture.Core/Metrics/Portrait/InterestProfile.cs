using Nurture.Core.Metrics.Facts;

namespace Nurture.Core.Metrics.Portrait;

/// <summary>A contact's top categories and products from recent behaviour.</summary>
/// <param name="Categories">Top categories, best first.</param>
/// <param name="Products">Top products, best first.</param>
/// <param name="StableUntil">The first instant at which ageing alone can change the lists (an interest decays below the minimum or a signal leaves the lookback); null when nothing is held.</param>
public sealed record InterestProfile(IReadOnlyList<RankedInterest> Categories, IReadOnlyList<RankedInterest> Products, DateTimeOffset? StableUntil)
{
    /// <summary>No interests.</summary>
    public static InterestProfile None { get; } = new([], [], null);

    /// <summary>
    /// Scores each category and product as Σ weight(action) · 0.5^(age / half-life) over the signals of the
    /// lookback window before <paramref name="asOf"/>; keeps those scoring at least the minimum, best first
    /// (ties by name), up to the configured number.
    /// </summary>
    /// <param name="signals">The contact's signals (deduped; any order).</param>
    /// <param name="asOf">The time to value them at.</param>
    /// <param name="settings">Weights, half-life, lookback and limits.</param>
    public static InterestProfile Compute(IEnumerable<InterestSignal> signals, DateTimeOffset asOf, PortraitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        var window = new List<InterestSignal>();
        foreach (var signal in signals)
        {
            if (signal.At <= asOf && asOf - signal.At < settings.InterestLookback && !string.IsNullOrWhiteSpace(signal.Value))
            {
                window.Add(signal);
            }
        }

        if (window.Count == 0)
        {
            return None;
        }

        // Summing in id order makes the floating-point result independent of arrival order.
        window.Sort(static (a, b) => string.CompareOrdinal(a.SignalId, b.SignalId));
        var categories = new Dictionary<string, double>(StringComparer.Ordinal);
        var products = new Dictionary<string, double>(StringComparer.Ordinal);
        DateTimeOffset? firstDropOut = null;
        foreach (var signal in window)
        {
            var weight = settings.WeightOf(signal.Action) * Math.Pow(0.5, (asOf - signal.At) / settings.InterestHalfLife);
            var key = signal.Kind == InterestKind.Category ? signal.Value.Trim().ToLowerInvariant() : signal.Value.Trim();
            var target = signal.Kind == InterestKind.Category ? categories : products;
            target[key] = target.GetValueOrDefault(key) + weight;
            var dropOut = signal.At + settings.InterestLookback;
            firstDropOut = firstDropOut is null || dropOut < firstDropOut ? dropOut : firstDropOut;
        }

        var topCategories = Top(categories, settings.TopCategories, settings.InterestMinimumScore);
        var topProducts = Top(products, settings.TopProducts, settings.InterestMinimumScore);
        if (topCategories.Count == 0 && topProducts.Count == 0)
        {
            return None;
        }

        // Everything decays at the same rate, so the order holds; an item only leaves by falling below the minimum.
        var stable = Earliest(firstDropOut!.Value, Weakest(topCategories), asOf, settings);
        stable = Earliest(stable, Weakest(topProducts), asOf, settings);
        return new InterestProfile(Rounded(topCategories), Rounded(topProducts), stable);
    }

    private static double? Weakest(List<(string Value, double Score)> ranked) => ranked.Count == 0 ? null : ranked[^1].Score;

    private static DateTimeOffset Earliest(DateTimeOffset current, double? weakest, DateTimeOffset asOf, PortraitSettings settings)
    {
        if (weakest is not { } score)
        {
            return current;
        }

        var below = asOf + (settings.InterestHalfLife * Math.Log2(score / settings.InterestMinimumScore));
        return below < current ? below : current;
    }

    private static List<(string Value, double Score)> Top(Dictionary<string, double> scores, int count, double minimum)
    {
        var ranked = new List<(string Value, double Score)>();
        foreach (var (value, score) in scores)
        {
            if (score >= minimum)
            {
                ranked.Add((value, score));
            }
        }

        ranked.Sort(static (a, b) =>
        {
            var c = b.Score.CompareTo(a.Score);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        return ranked.Count > count ? ranked.GetRange(0, count) : ranked;
    }

    private static RankedInterest[] Rounded(List<(string Value, double Score)> ranked)
    {
        var rounded = new RankedInterest[ranked.Count];
        for (var i = 0; i < rounded.Length; i++)
        {
            rounded[i] = new RankedInterest(ranked[i].Value, Math.Round(ranked[i].Score, 4));
        }

        return rounded;
    }
}
