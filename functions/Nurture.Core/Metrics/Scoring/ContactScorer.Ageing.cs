namespace Nurture.Core.Metrics.Scoring;

public static partial class ContactScorer
{
    /// <summary>
    /// Whether time alone (no new purchase) changes the contact's scores between <paramref name="from"/>
    /// (exclusive) and <paramref name="to"/> (inclusive): a stage threshold, a recency cut or the expected
    /// next order falls in between. The daily run rescores these contacts besides those with new data.
    /// </summary>
    /// <param name="summary">The contact's purchases.</param>
    /// <param name="model">The shop's model.</param>
    /// <param name="settings">Used for the cycle shrinkage.</param>
    /// <param name="from">The previous run.</param>
    /// <param name="to">This run.</param>
    public static bool ChangesByTimeBetween(CustomerSummary summary, ScoringModel model, ScoringSettings settings, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        return NextChangeAfter(summary, model, settings, from) is { } next && next <= to;
    }

    /// <summary>The first instant after <paramref name="after"/> at which time alone changes a score; null for prospects.</summary>
    /// <param name="summary">The contact's purchases.</param>
    /// <param name="model">The shop's model.</param>
    /// <param name="settings">Used for the cycle shrinkage.</param>
    /// <param name="after">The instant to look after.</param>
    public static DateTimeOffset? NextChangeAfter(CustomerSummary summary, ScoringModel model, ScoringSettings settings, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        if (!summary.IsBuyer)
        {
            return null;
        }

        var last = summary.LastPurchaseAt!.Value;
        DateTimeOffset? next = null;
        Consider(ref next, after, last + model.Lifecycle.DormantAfter);
        Consider(ref next, after, last + model.Lifecycle.ChurnedAfter);
        Consider(ref next, after, last + OwnCycle(summary, model.Lifecycle.PurchaseCycle, settings.CycleShrinkage));
        if (model.RecencyDays is { } recency)
        {
            // The recency score drops when whole days since the purchase first exceed a cut c, i.e. at c + 1 days.
            foreach (var cut in recency.All())
            {
                Consider(ref next, after, last + TimeSpan.FromDays((double)cut + 1));
            }
        }

        return next;
    }

    private static void Consider(ref DateTimeOffset? next, DateTimeOffset after, DateTimeOffset candidate)
    {
        if (candidate > after && (next is null || candidate < next))
        {
            next = candidate;
        }
    }
}
