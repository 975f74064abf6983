using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Orders;
using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>Computes a shop's campaign report: funnels per journey, version, step and variant, attribution, experiments and costs.</summary>
/// <remarks>
/// Pure and order-independent: facts are deduped by id in <see cref="ShopFacts"/>, messages get fixed indexes
/// by id, every tie is broken by a fixed rule and amounts are summed in decimals, so the same facts in any
/// order and with any repeats give the same report. Facts after the report time are left out. The report
/// holds counts and sums only, keyed by journey, version, step and variant: no contact id.
/// </remarks>
public static class CampaignCalculator
{
    /// <summary>The report from a shop's facts.</summary>
    /// <param name="facts">The shop's facts.</param>
    /// <param name="asOf">The report time.</param>
    /// <param name="settings">Attribution windows and margin.</param>
    /// <param name="experiments">How holdout, split and send-time comparisons are judged.</param>
    /// <param name="costs">Costs for ROMI and CAC; null for none.</param>
    /// <param name="currency">The shop's currency; null for the one most orders name.</param>
    public static CampaignReport Compute(ShopFacts facts, DateTimeOffset asOf, CampaignSettings settings, ExperimentSettings experiments, CampaignCosts? costs = null, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Compute(facts, facts.ResolveOrders(asOf, currency), settings, experiments, costs);
    }

    /// <summary>The report from a shop's facts with orders already resolved (share them with the retention report).</summary>
    /// <param name="facts">The shop's facts (sends, feedback, entries, assignments).</param>
    /// <param name="orders">The orders as of the report time.</param>
    /// <param name="settings">Attribution windows and margin.</param>
    /// <param name="experiments">How holdout, split and send-time comparisons are judged.</param>
    /// <param name="costs">Costs for ROMI and CAC; null for none.</param>
    public static CampaignReport Compute(ShopFacts facts, ResolvedOrders orders, CampaignSettings settings, ExperimentSettings experiments, CampaignCosts? costs = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(experiments);
        settings.ThrowIfInvalid();
        experiments.ThrowIfInvalid();
        costs?.ThrowIfInvalid();
        return new CampaignComputation(facts, orders, settings, experiments, costs).Run();
    }
}
