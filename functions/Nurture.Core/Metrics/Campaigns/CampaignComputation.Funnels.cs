using Nurture.Core.Metrics.Facts;

namespace Nurture.Core.Metrics.Campaigns;

internal sealed partial class CampaignComputation
{
    private (JourneyTally Totals, SortedDictionary<string, JourneyTally> Journeys) Tally()
    {
        var totals = new JourneyTally();
        var journeys = new SortedDictionary<string, JourneyTally>(StringComparer.Ordinal);
        foreach (var message in _messages)
        {
            var send = message.Send;
            var journey = JourneyOf(journeys, send.JourneyId);
            var version = journey.Version(send.Version);
            if (!version.Steps.TryGetValue(send.NodeId, out var step))
            {
                step = new StepTally(send.Channel);
                version.Steps.Add(send.NodeId, step);
            }

            totals.Total.Add(message);
            journey.Total.Add(message);
            version.Total.Add(message);
            step.Total.Add(message);
            if (send.Variant is { Length: > 0 } variant)
            {
                VariantOf(version.Variants, variant).Add(message);
                VariantOf(step.Variants, variant).Add(message);
            }

            var matured = send.SentAt + _experiments.ObservationWindow <= _asOf;
            totals.SendTime.Add(message, matured);
            journey.SendTime.Add(message, matured);
        }

        foreach (var entry in _facts.Entries.Values)
        {
            if (entry.EnteredAt <= _asOf)
            {
                var journey = JourneyOf(journeys, entry.JourneyId);
                totals.Total.Entered++;
                journey.Total.Entered++;
                journey.Version(entry.Version).Total.Entered++;
            }
        }

        TallyAssignments(journeys);
        return (totals, journeys);
    }

    /// <summary>Counts entries per variant (the instance's variants joined by split node id, as sends record them) and files assignments by split.</summary>
    private void TallyAssignments(SortedDictionary<string, JourneyTally> journeys)
    {
        var byInstance = new Dictionary<string, List<SplitAssignmentFact>>(StringComparer.Ordinal);
        foreach (var assignment in _facts.Assignments.Values)
        {
            if (assignment.AssignedAt > _asOf)
            {
                continue;
            }

            var version = JourneyOf(journeys, assignment.JourneyId).Version(assignment.Version);
            if (!version.Splits.TryGetValue(assignment.SplitNodeId, out var split))
            {
                split = [];
                version.Splits.Add(assignment.SplitNodeId, split);
            }

            split.Add(assignment);
            if (!byInstance.TryGetValue(assignment.InstanceId, out var list))
            {
                list = [];
                byInstance.Add(assignment.InstanceId, list);
            }

            list.Add(assignment);
        }

        foreach (var list in byInstance.Values)
        {
            list.Sort(static (a, b) => string.CompareOrdinal(a.SplitNodeId, b.SplitNodeId));
            var variant = list.Count == 1 ? list[0].Variant : string.Join(',', list.Select(a => a.Variant));
            var version = journeys[list[0].JourneyId].Version(list[0].Version);
            VariantOf(version.Variants, variant).Entered++;
        }
    }

    private List<VersionMetrics> Versions(JourneyTally journey)
    {
        var versions = new List<VersionMetrics>(journey.Versions.Count);
        foreach (var (number, version) in journey.Versions)
        {
            var steps = new List<StepMetrics>(version.Steps.Count);
            foreach (var (nodeId, step) in version.Steps)
            {
                steps.Add(new StepMetrics(nodeId, step.Channel, step.Total.ToMetrics(withEntered: false), Variants(step.Variants, withEntered: false)));
            }

            var splits = new List<SplitExperiment>(version.Splits.Count);
            foreach (var (nodeId, assignments) in version.Splits)
            {
                splits.Add(Split(nodeId, assignments));
            }

            versions.Add(new VersionMetrics(number, version.Total.ToMetrics(withEntered: true), steps, Variants(version.Variants, withEntered: true), splits));
        }

        return versions;
    }

    private static List<VariantMetrics> Variants(SortedDictionary<string, FunnelTally> variants, bool withEntered)
    {
        var list = new List<VariantMetrics>(variants.Count);
        foreach (var (name, tally) in variants)
        {
            list.Add(new VariantMetrics(name, tally.ToMetrics(withEntered)));
        }

        return list;
    }

    private static JourneyTally JourneyOf(SortedDictionary<string, JourneyTally> journeys, string journeyId)
    {
        if (!journeys.TryGetValue(journeyId, out var journey))
        {
            journey = new JourneyTally();
            journeys.Add(journeyId, journey);
        }

        return journey;
    }

    private static FunnelTally VariantOf(SortedDictionary<string, FunnelTally> variants, string variant)
    {
        if (!variants.TryGetValue(variant, out var tally))
        {
            tally = new FunnelTally();
            variants.Add(variant, tally);
        }

        return tally;
    }

    private CostMetrics? CostsOf(string journeyId, FunnelTally funnel)
    {
        if (_costs is null || !_costs.AppliesTo(journeyId))
        {
            return null;
        }

        return Costs(_costs.CostOf(journeyId, funnel.EmailsSent, funnel.SmsSent), funnel.Revenue, funnel.NewCustomers);
    }

    private CostMetrics? TotalCosts(List<CostMetrics> journeys)
    {
        if (journeys.Count == 0)
        {
            return null;
        }

        var (cost, revenue, customers) = (0m, 0m, 0);
        foreach (var journey in journeys)
        {
            cost += journey.Cost;
            revenue += journey.Revenue;
            customers += journey.NewCustomers;
        }

        return Costs(cost, revenue, customers);
    }

    private CostMetrics Costs(decimal cost, decimal revenue, int newCustomers) => new(
        cost,
        revenue,
        _settings.GrossMargin,
        cost == 0 ? null : (double)(((revenue * _settings.GrossMargin) - cost) / cost),
        newCustomers,
        newCustomers == 0 ? null : decimal.Round(cost / newCustomers, 2, MidpointRounding.ToEven));
}
