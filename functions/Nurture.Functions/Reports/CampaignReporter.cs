using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Statistics;
using Nurture.Functions.Ingestion;
using Nurture.Storage;
using Nurture.Storage.Metrics;

namespace Nurture.Functions.Reports;

/// <summary>
/// Computes and stores the campaign report (<see cref="CampaignCalculator"/>): new day partitions (orders, refunds,
/// feedback) into the fact store, then the report over every stored fact, the journeys' sends, entries and splits
/// among them, as of now. Stored under <see cref="ReportKinds.Campaigns"/> as <see cref="MetricsJson"/> wrote the
/// <see cref="CampaignReport"/>.
/// </summary>
/// <remarks>
/// Idempotent like <see cref="RetentionReporter"/>: facts are keyed by id, a report computed less than
/// <see cref="ReportOptions.RefreshAfter"/> ago is kept, and the watermark (the last day read) is saved with the
/// report, after it, so a run that dies half way reads the same days again. Only one host runs the timer at a time.
/// </remarks>
public sealed class CampaignReporter(
    IngestionStorage ingestion,
    ReportStore reports,
    OrderFactCollector collector,
    IOptions<ReportOptions> options,
    IOptions<CampaignSettings> campaignSettings,
    IOptions<ExperimentSettings> experimentSettings,
    IOptions<CampaignCosts> costs,
    TimeProvider clock,
    ILogger<CampaignReporter> logger)
    : FactReporter(ingestion, reports, collector, options, clock, logger)
{
    /// <inheritdoc />
    protected override string Kind => ReportKinds.Campaigns;

    /// <inheritdoc />
    protected override string Compute(ShopFacts facts, DateTimeOffset asOf)
    {
        var configured = costs.Value;
        return MetricsJson.Serialize(CampaignCalculator.Compute(facts, asOf, campaignSettings.Value, experimentSettings.Value, HasAny(configured) ? configured : null));
    }

    private static bool HasAny(CampaignCosts costs) => costs.PerEmail is not null || costs.PerSms is not null || costs.PerJourney.Count > 0;
}
