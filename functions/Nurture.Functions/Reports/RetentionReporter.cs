using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Retention;
using Nurture.Core.Metrics.Scoring;
using Nurture.Functions.Ingestion;
using Nurture.Storage;
using Nurture.Storage.Metrics;

namespace Nurture.Functions.Reports;

/// <summary>
/// Computes and stores the retention report (<see cref="RetentionCalculator"/>) the way every <see cref="FactReporter"/>
/// does: new day partitions into the fact store, then the report over every stored fact, as of now.
/// </summary>
/// <remarks>
/// Idempotent: facts are keyed by id, so re-reading a day stores nothing new, and a report computed less than
/// <see cref="ReportOptions.RefreshAfter"/> ago is kept, so a past-due run next to the regular one does the work once.
/// The watermark (the last day read) is saved with the report, after it; a run that dies half way reads the same
/// days again next time. Only one host runs the timer at a time (its lease).
/// </remarks>
public sealed class RetentionReporter(
    IngestionStorage ingestion,
    ReportStore reports,
    OrderFactCollector collector,
    IOptions<ReportOptions> options,
    IOptions<RetentionSettings> retentionSettings,
    IOptions<ScoringSettings> scoringSettings,
    TimeProvider clock,
    ILogger<RetentionReporter> logger)
    : FactReporter(ingestion, reports, collector, options, clock, logger)
{
    /// <inheritdoc />
    protected override string Kind => ReportKinds.Retention;

    /// <inheritdoc />
    protected override string Compute(ShopFacts facts, DateTimeOffset asOf)
    {
        var orders = facts.ResolveOrders(asOf);
        var model = ScoringModel.Build(orders.ByContact.Values.Select(c => c.ToSummary()), asOf, scoringSettings.Value);
        return MetricsJson.Serialize(RetentionCalculator.Compute(orders, retentionSettings.Value, model.Lifecycle));
    }
}
