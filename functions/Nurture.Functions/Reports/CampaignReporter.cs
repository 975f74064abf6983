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
{
    private readonly InitializeOnce _initialization = new();

    /// <summary>The stored report's JSON, or null before the first run.</summary>
    public async Task<StoredReport?> ReadAsync(CancellationToken cancellationToken)
    {
        await _initialization.RunAsync(reports.InitializeAsync, cancellationToken).ConfigureAwait(false);
        return await reports.GetAsync(ReportKinds.Campaigns, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Computes and stores the report unless a recent one exists; <paramref name="rebuild"/> forgets the facts gathered from events and reads every day.</summary>
    public async Task<ReportOutcome> ComputeAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var stored = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!rebuild && stored is { } recent && now - recent.ComputedAt < settings.RefreshAfter && recent.ComputedAt <= now)
        {
            ReportsLog.ReportKept(logger, ReportKinds.Campaigns, recent.ComputedAt, settings.RefreshAfter);
            return new ReportOutcome(false, recent.ComputedAt, 0, 0);
        }

        await ingestion.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (rebuild)
        {
            await ingestion.MetricFacts.ClearAsync(cancellationToken).ConfigureAwait(false);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var from = !rebuild && stored?.ReadThrough is { } readThrough
            ? readThrough.AddDays(-settings.LateArrivalDays)
            : await ingestion.Events.FirstDayAsync(cancellationToken).ConfigureAwait(false);
        var (days, facts) = from is { } first ? await collector.CollectAsync(first, today, cancellationToken).ConfigureAwait(false) : (0, 0);

        var shopFacts = new ShopFacts();
        await ingestion.MetricFacts.ReadIntoAsync(shopFacts, cancellationToken).ConfigureAwait(false);
        var configured = costs.Value;
        var report = CampaignCalculator.Compute(shopFacts, now, campaignSettings.Value, experimentSettings.Value, HasAny(configured) ? configured : null);
        await reports.SaveAsync(ReportKinds.Campaigns, new StoredReport(MetricsJson.Serialize(report), now, from is null ? null : today), cancellationToken: cancellationToken).ConfigureAwait(false);
        ReportsLog.ReportComputed(logger, ReportKinds.Campaigns, days, from, facts, rebuild ? "rebuilt" : "incremental");
        return new ReportOutcome(true, now, days, facts);
    }

    private static bool HasAny(CampaignCosts costs) => costs.PerEmail is not null || costs.PerSms is not null || costs.PerJourney.Count > 0;
}
