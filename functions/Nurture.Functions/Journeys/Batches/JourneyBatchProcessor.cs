using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Conditions;
using Nurture.Core.Profiles;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>Processes one page of a batch start: find the page's contacts, start the admitted ones, record the counts, ask for the next page.</summary>
/// <remarks>
/// Every step is safe to repeat. Instances are started with the batch's entry key, so each (batch, contact) has
/// one instance id and a repeated start is rejected by the store and the index; a contact whose instance of this
/// batch already exists counts as started. Counts are added once per page: the progress row records the next page
/// and is saved with If-Match, so a redelivered page finds itself recorded and only makes sure the next page was
/// asked for (the enqueue may be what failed).
/// </remarks>
public sealed partial class JourneyBatchProcessor
{
    private const int Parallelism = 8;

    private readonly JourneyBatchStorage _batches;
    private readonly JourneyStorage _journeys;
    private readonly JourneyStarter _starter;
    private readonly JourneyContextLoader _contexts;
    private readonly IJourneyContactSource _contacts;
    private readonly IOptions<ProfileOptions> _profileOptions;
    private readonly JourneyContactFinder _finder;
    private readonly TimeProvider _clock;
    private readonly ILogger<JourneyBatchProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public JourneyBatchProcessor(
        JourneyBatchStorage batches,
        JourneyStorage journeys,
        JourneyStarter starter,
        JourneyContextLoader contexts,
        IJourneyContactSource contacts,
        IOptions<ProfileOptions> profileOptions,
        JourneyContactFinder finder,
        TimeProvider clock,
        ILogger<JourneyBatchProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(profileOptions);
        ArgumentNullException.ThrowIfNull(finder);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _batches = batches;
        _journeys = journeys;
        _starter = starter;
        _contexts = contexts;
        _contacts = contacts;
        _profileOptions = profileOptions;
        _finder = finder;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Processes the page the message names (once, however often it is delivered).</summary>
    /// <param name="message">The page.</param>
    /// <param name="client">The invocation's Durable client, which starts the instances.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task ProcessAsync(BatchPageMessage message, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(client);
        await _batches.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _journeys.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var progress = await _batches.Batches.GetAsync(message.BatchId, cancellationToken).ConfigureAwait(false);
        if (progress is null)
        {
            BatchLog.UnknownBatch(_logger, message.BatchId, message.Page);
            return;
        }

        if (progress.HasRecorded(message.Page))
        {
            BatchLog.AlreadyRecorded(_logger, message.BatchId, message.Page);
            await ContinueAsync(progress, message.Page, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message.Page > progress.NextPage)
        {
            BatchLog.OutOfOrder(_logger, message.BatchId, message.Page, progress.NextPage);
            return;
        }

        if (progress.Status == BatchStatus.Queued)
        {
            var now = _clock.GetUtcNow();
            progress = await _batches.Batches.UpdateAsync(progress.BatchId, p => p.Begin(now), cancellationToken).ConfigureAwait(false) ?? progress;
        }

        var (results, continuation) = await RunPageAsync(progress, message.Page, client, cancellationToken).ConfigureAwait(false);
        var outcome = BatchPageOutcome.From(results);
        var recordedAt = _clock.GetUtcNow();
        var recorded = await _batches.Batches.UpdateAsync(
            progress.BatchId,
            p => p.HasRecorded(message.Page) ? null : p.RecordPage(message.Page, outcome, continuation, recordedAt),
            cancellationToken).ConfigureAwait(false) ?? progress;
        BatchLog.PageRecorded(_logger, progress.BatchId, message.Page, outcome.Scanned, outcome.Started, recorded.Status.ToString());
        await ContinueAsync(recorded, message.Page, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the batch failed (after a page ran out of attempts), so its status says so instead of "running" for ever.</summary>
    /// <param name="message">The page that failed.</param>
    /// <param name="attempts">How often it was tried.</param>
    /// <param name="error">What went wrong.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task FailAsync(BatchPageMessage message, long attempts, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        var text = $"page {message.Page} failed {attempts} times: {error.GetType().Name}: {error.Message}";
        BatchLog.Failed(_logger, message.BatchId, message.Page, attempts, error.GetType().Name);
        var now = _clock.GetUtcNow();
        await _batches.Batches.UpdateAsync(message.BatchId, p => p.HasRecorded(message.Page) ? null : p.Fail(text, now), cancellationToken).ConfigureAwait(false);
    }

    private async Task ContinueAsync(BatchProgress progress, int page, CancellationToken cancellationToken)
    {
        if (!progress.IsFinished && progress.NextPage == page + 1)
        {
            await _batches.Queue.EnqueueAsync(progress.BatchId, page + 1, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(IReadOnlyList<BatchContactResult> Results, string? Continuation)> RunPageAsync(BatchProgress progress, int page, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var catalog = await _journeys.Definitions.GetCatalogEntryAsync(progress.JourneyId, cancellationToken).ConfigureAwait(false);
        var definition = await _journeys.Definitions.GetVersionAsync(progress.JourneyId, progress.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Journey {progress.JourneyId} has no version {progress.Version}.");
        var admission = new BatchAdmission(definition, progress.EntryKey, catalog?.Paused ?? true, _journeys.Instances, _starter, _contexts, client);
        if (progress.Source == BatchSource.List)
        {
            var entries = await _batches.Batches.ReadListPageAsync(progress.BatchId, page, cancellationToken).ConfigureAwait(false);
            return (await StartListAsync(progress.BatchId, page, entries, admission, cancellationToken).ConfigureAwait(false), null);
        }

        var scan = await _batches.Profiles.ReadPageAsync(BatchPaging.PageSize, progress.Continuation, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var results = new BatchContactResult[scan.Profiles.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scan.Profiles.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var contact = ProfileProjection.ToJourneyContact(scan.Profiles[i], now, _profileOptions.Value);
                results[i] = ConditionEvaluator.Evaluate(progress.Segment, new ConditionScope(contact, now))
                    ? await admission.AdmitAsync(contact, now, token).ConfigureAwait(false)
                    : BatchContactResult.NotAdmitted(BatchReasons.NotInSegment);
            }).ConfigureAwait(false);
        return (results, scan.ContinuationToken);
    }
}
