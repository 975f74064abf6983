using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Mapping;
using Nurture.Core.Metrics.Portrait;
using Nurture.Core.Metrics.Retention;
using Nurture.Core.Metrics.Scoring;
using Nurture.Core.Metrics.Statistics;
using Nurture.Storage.Repositories;

namespace Nurture.Benchmarks.Metrics;

/// <summary>
/// The reporters' work over a shop: read its day partitions into facts, score every contact (model, score, interests,
/// portrait), and compute the lifecycle, retention and campaign reports, each serialised as it is stored.
/// </summary>
public static class MetricsWork
{
    /// <summary>What one pass computed, to check both sides read the same and the reports are not empty.</summary>
    /// <param name="Rows">Event rows read.</param>
    /// <param name="Contacts">Contacts in the lifecycle report.</param>
    /// <param name="Orders">Purchases in the retention report.</param>
    /// <param name="Sent">Messages sent in the campaign report.</param>
    /// <param name="ReportBytes">Characters of the three stored reports.</param>
    /// <param name="ComputeSeconds">Of the pass, the seconds spent after the last row was read.</param>
    public sealed record Result(int Rows, int Contacts, int Orders, int Sent, int ReportBytes, double ComputeSeconds);

    /// <summary>Runs the work once.</summary>
    public static async Task<Result> RunAsync(EventStore events, MetricsShop shop, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(days);
        var facts = new ShopFacts();
        var rows = 0;
        foreach (var day in days)
        {
            await foreach (var stored in events.ReadDayAsync(day, ct).ConfigureAwait(false))
            {
                rows++;
                MetricFactMapper.AddTo(facts, stored.Event, stored.ContactId);
            }
        }

        var computing = System.Diagnostics.Stopwatch.StartNew();
        foreach (var send in shop.Sends)
        {
            facts.Add(send);
        }

        var asOf = shop.AsOf;
        var scoring = new ScoringSettings();
        var portraits = new PortraitSettings();
        var orders = facts.ResolveOrders(asOf);
        var model = ScoringModel.Build(orders.ByContact.Values.Select(c => c.ToSummary()), asOf, scoring);
        var scored = new List<ScoredContact>(shop.ContactIds.Count);
        foreach (var contactId in shop.ContactIds)
        {
            var summary = orders.ByContact.TryGetValue(contactId, out var bought) ? bought.ToSummary() : new CustomerSummary(contactId, 0, null, null, 0m);
            var score = ContactScorer.Score(summary, model, asOf, scoring);
            var portrait = ContactPortrait.Compose(score, InterestProfile.Compute(facts.InterestsOf(contactId), asOf, portraits));
            scored.Add(new ScoredContact(score, summary, portrait.RescoreAt));
        }

        var lifecycle = LifecycleDistribution.Compute(model, asOf, scored);
        var retention = RetentionCalculator.Compute(orders, new RetentionSettings(), model.Lifecycle);
        var campaigns = CampaignCalculator.Compute(facts, orders, new CampaignSettings(), new ExperimentSettings());
        var bytes = MetricsJson.Serialize(lifecycle).Length + MetricsJson.Serialize(retention).Length + MetricsJson.Serialize(campaigns).Length;
        return new Result(rows, lifecycle.Contacts, retention.Summary.Orders, campaigns.Journeys.Sum(j => j.Funnel.Sent), bytes, computing.Elapsed.TotalSeconds);
    }
}
