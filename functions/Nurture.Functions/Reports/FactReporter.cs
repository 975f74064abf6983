using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Metrics.Facts;
using Nurture.Functions.Ingestion;
using Nurture.Storage;
using Nurture.Storage.Metrics;

namespace Nurture.Functions.Reports;

/// <summary>
/// What the reports computed over the stored facts share: new day partitions into the fact store, then the report
/// over every stored fact, as of now, stored under the report's kind with the watermark.
/// </summary>
/// <remarks>
/// Idempotent: facts are keyed by id, so re-reading a day stores nothing new, and a report computed less than
/// <see cref="ReportOptions.RefreshAfter"/> ago is kept, so a past-due run next to the regular one does the work once.
/// The watermark (the last day read) is saved with the report, after it; a run that dies half way reads the same
/// days again next time. Only one host runs a timer at a time (its lease).
/// </remarks>
public abstract class FactReporter(
    IngestionStorage ingestion,
    ReportStore reports,
    OrderFactCollector collector,
    IOptions<ReportOptions> options,
    TimeProvider clock,
    ILogger logger)
{
    private readonly InitializeOnce _initialization = new();

    /// <summary>The stored report's row key (<see cref="ReportKinds"/>).</summary>
    protected abstract string Kind { get; }

    /// <summary>The stored report's JSON, or null before the first run.</summary>
    public async Task<StoredReport?> ReadAsync(CancellationToken cancellationToken)
    {
        await _initialization.RunAsync(reports.InitializeAsync, cancellationToken).ConfigureAwait(false);
        return await reports.GetAsync(Kind, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Computes and stores the report unless a recent one exists; <paramref name="rebuild"/> forgets the facts gathered from events and reads every day.</summary>
    public async Task<ReportOutcome> ComputeAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var stored = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!rebuild && stored is { } recent && now - recent.ComputedAt < settings.RefreshAfter && recent.ComputedAt <= now)
        {
            ReportsLog.ReportKept(logger, Kind, recent.ComputedAt, settings.RefreshAfter);
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
        await reports.SaveAsync(Kind, new StoredReport(Compute(shopFacts, now), now, from is null ? null : today), cancellationToken: cancellationToken).ConfigureAwait(false);
        ReportsLog.ReportComputed(logger, Kind, days, from, facts, rebuild ? "rebuilt" : "incremental");
        return new ReportOutcome(true, now, days, facts);
    }

    /// <summary>The report over every stored fact as of <paramref name="asOf"/>, as the JSON to store.</summary>
    protected abstract string Compute(ShopFacts facts, DateTimeOffset asOf);
}
