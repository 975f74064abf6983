using Nurture.Core.Journeys.Decider;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Orders;
using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Metrics.Campaigns;

internal sealed partial class CampaignComputation
{
    /// <summary>
    /// Intention to treat: every assignment whose observation window has closed counts, sent to or not, and
    /// converts when the contact made a purchase within the window after the assignment (inclusive). The
    /// holdout gets no sends, so touches cannot measure it; this can.
    /// </summary>
    private SplitExperiment Split(string nodeId, List<SplitAssignmentFact> assignments)
    {
        var groups = new SortedDictionary<string, (ProportionSample Rate, MeanSample Revenue)>(StringComparer.Ordinal);
        var pending = 0;
        foreach (var assignment in assignments)
        {
            var end = assignment.AssignedAt + _experiments.ObservationWindow;
            if (end > _asOf)
            {
                pending++;
                continue;
            }

            var revenue = 0m;
            var converted = false;
            if (_orders.ByContact.TryGetValue(assignment.ContactId, out var contact))
            {
                (converted, revenue) = PurchasesBetween(contact, assignment.AssignedAt, end);
            }

            var (rate, money) = groups.GetValueOrDefault(assignment.Variant);
            groups[assignment.Variant] = (new ProportionSample(rate.Successes + (converted ? 1 : 0), rate.Trials + 1), money.Add(revenue));
        }

        var summaries = new List<SplitGroup>(groups.Count);
        foreach (var (variant, (rate, money)) in groups)
        {
            summaries.Add(new SplitGroup(variant, rate.Trials, rate.Successes, money.Sum));
        }

        return new SplitExperiment(nodeId, summaries, Compare(groups), pending);
    }

    private List<SplitComparison> Compare(SortedDictionary<string, (ProportionSample Rate, MeanSample Revenue)> groups)
    {
        var comparisons = new List<SplitComparison>();
        var variants = groups.Keys.Where(v => v != JourneyDecider.HoldoutVariant).ToList();
        if (groups.TryGetValue(JourneyDecider.HoldoutVariant, out var holdout))
        {
            var pooled = (Rate: default(ProportionSample), Revenue: default(MeanSample));
            foreach (var variant in variants)
            {
                var group = groups[variant];
                comparisons.Add(Comparison(variant, group, JourneyDecider.HoldoutVariant, holdout));
                pooled = (
                    new ProportionSample(pooled.Rate.Successes + group.Rate.Successes, pooled.Rate.Trials + group.Rate.Trials),
                    new MeanSample(pooled.Revenue.Count + group.Revenue.Count, pooled.Revenue.Sum + group.Revenue.Sum, pooled.Revenue.SumOfSquares + group.Revenue.SumOfSquares));
            }

            if (variants.Count > 1)
            {
                comparisons.Add(Comparison(SplitComparison.AllVariants, pooled, JourneyDecider.HoldoutVariant, holdout));
            }

            return comparisons;
        }

        for (var i = 1; i < variants.Count; i++)
        {
            comparisons.Add(Comparison(variants[i], groups[variants[i]], variants[0], groups[variants[0]]));
        }

        return comparisons;
    }

    private SplitComparison Comparison(string variant, (ProportionSample Rate, MeanSample Revenue) treatment, string baseline, (ProportionSample Rate, MeanSample Revenue) control) =>
        new(
            variant,
            baseline,
            UpliftAnalysis.CompareRates(treatment.Rate, control.Rate, _experiments),
            UpliftAnalysis.CompareMeans(treatment.Revenue, control.Revenue, _experiments));

    private static (bool Converted, decimal Revenue) PurchasesBetween(ContactOrders contact, DateTimeOffset from, DateTimeOffset to)
    {
        var purchases = contact.Purchases;
        int low = 0, high = purchases.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (purchases[mid].PlacedAt < from)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var (converted, revenue) = (false, 0m);
        for (var i = low; i < purchases.Count && purchases[i].PlacedAt <= to; i++)
        {
            converted = true;
            revenue += purchases[i].NetRevenue;
        }

        return (converted, revenue);
    }
}
