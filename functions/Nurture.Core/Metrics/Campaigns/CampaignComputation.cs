using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Orders;
using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>The working state of one campaign report: sends, their outcomes, touches and tallies.</summary>
internal sealed partial class CampaignComputation
{
    private readonly ShopFacts _facts;
    private readonly ResolvedOrders _orders;
    private readonly CampaignSettings _settings;
    private readonly ExperimentSettings _experiments;
    private readonly CampaignCosts? _costs;
    private readonly DateTimeOffset _asOf;
    private readonly MessageOutcome[] _messages;
    private readonly Dictionary<string, int> _messageIndex;
    private readonly Dictionary<string, List<Touch>> _touches = new(StringComparer.Ordinal);
    private int _unmatchedFeedback;

    public CampaignComputation(ShopFacts facts, ResolvedOrders orders, CampaignSettings settings, ExperimentSettings experiments, CampaignCosts? costs)
    {
        (_facts, _orders, _settings, _experiments, _costs, _asOf) = (facts, orders, settings, experiments, costs, orders.AsOf);
        var sends = new List<SendFact>(facts.Sends.Count);
        foreach (var send in facts.Sends.Values)
        {
            if (send.SentAt <= _asOf)
            {
                sends.Add(send);
            }
        }

        // Ordinal id order gives every message a fixed index, whatever order the facts came in.
        sends.Sort(static (a, b) => string.CompareOrdinal(a.MessageId, b.MessageId));
        _messages = new MessageOutcome[sends.Count];
        _messageIndex = new Dictionary<string, int>(sends.Count, StringComparer.Ordinal);
        for (var i = 0; i < sends.Count; i++)
        {
            _messages[i] = new MessageOutcome(sends[i]);
            _messageIndex.Add(sends[i].MessageId, i);
        }
    }

    public CampaignReport Run()
    {
        ApplyFeedback();
        Attribute();
        var (totals, journeys) = Tally();
        var journeyMetrics = new List<JourneyMetrics>(journeys.Count);
        var costed = new List<CostMetrics>();
        foreach (var (journeyId, journey) in journeys)
        {
            var costs = CostsOf(journeyId, journey.Total);
            if (costs is not null)
            {
                costed.Add(costs);
            }

            journeyMetrics.Add(new JourneyMetrics(journeyId, journey.Total.ToMetrics(withEntered: true), Versions(journey), costs, journey.SendTime.ToExperiment(_experiments)));
        }

        return new CampaignReport(
            _asOf,
            _orders.Currency,
            _settings.EmailAttributionWindow,
            _settings.SmsAttributionWindow,
            journeyMetrics,
            totals.Total.ToMetrics(withEntered: true),
            TotalCosts(costed),
            totals.SendTime.ToExperiment(_experiments),
            new CampaignDataQuality(_facts.DuplicatesIgnored, _unmatchedFeedback, _orders.OtherCurrencyOrders));
    }
}
