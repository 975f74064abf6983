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
/// Computes and stores the retention report (<see cref="RetentionCalculator"/>): new day partitions into the fact
/// store, then the report over every stored fact, as of now.
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
{
    private readonly InitializeOnce _initialization = new();

    /// <summary>The stored report's JSON, or null before the first run.</summary>
    public async Task<StoredReport?> ReadAsync(CancellationToken cancellationToken)
    {
        await _initialization.RunAsync(reports.InitializeAsync, cancellationToken).ConfigureAwait(false);
        return await reports.GetAsync(ReportKinds.Retention, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Computes and stores the report unless a recent one exists; <paramref name="rebuild"/> forgets the stored facts and reads every day.</summary>
    public async Task<ReportOutcome> ComputeAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var stored = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!rebuild && stored is { } recent && now - recent.ComputedAt < settings.RefreshAfter && recent.ComputedAt <= now)
        {
            ReportsLog.ReportKept(logger, ReportKinds.Retention, recent.ComputedAt, settings.RefreshAfter);
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
        var report = Compute(shopFacts, now);
        await reports.SaveAsync(ReportKinds.Retention, new StoredReport(MetricsJson.Serialize(report), now, from is null ? null : today), cancellationToken: cancellationToken).ConfigureAwait(false);
        ReportsLog.ReportComputed(logger, ReportKinds.Retention, days, from, facts, rebuild ? "rebuilt" : "incremental");
        return new ReportOutcome(true, now, days, facts);
    }

    private RetentionReport Compute(ShopFacts facts, DateTimeOffset asOf)
    {
        var orders = facts.ResolveOrders(asOf);
        var model = ScoringModel.Build(orders.ByContact.Values.Select(c => c.ToSummary()), asOf, scoringSettings.Value);
        return RetentionCalculator.Compute(orders, retentionSettings.Value, model.Lifecycle);
    }
}
