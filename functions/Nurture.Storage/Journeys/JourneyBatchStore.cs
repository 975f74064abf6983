using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Serialization;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

/// <summary>
/// Batch starts, one partition per batch: the progress row (JSON, updated with If-Match) and, for lists, one row
/// per page of entries (<c>p-000000</c>...), so a list of thousands never travels in a queue message, and one
/// claim row per resolved contact (<c>c-{contactId}</c>) naming the page that started it.
/// </summary>
public sealed class JourneyBatchStore
{
    private const string ProgressRow = "progress";
    private const string PagePrefix = "p-";
    private const string ClaimPrefix = "c-";
    private const string JsonProperty = "Json";
    private const string PageProperty = "Page";

    // Pages per entity group transaction: 100 entries of at most 256 characters each stay far under 4 MiB.
    private const int PagesPerTransaction = 20;

    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="names">Table names; <see cref="JourneyStorageNames.Default"/> when null.</param>
    public JourneyBatchStore(TableServiceClient tables, JourneyStorageNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient((names ?? JourneyStorageNames.Default).Batches);
    }

    /// <summary>Creates the table if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The batch's progress, or null when there is no such batch.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<BatchProgress?> GetAsync(string batchId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        var row = await _table.FindAsync(batchId, ProgressRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    /// <summary>Inserts a new batch; false when a batch with its id exists already (a retried request).</summary>
    /// <param name="progress">The new batch.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> CreateAsync(BatchProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            await _table.InsertAsync(ToEntity(progress), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored progress under optimistic concurrency (a concurrent writer
    /// makes it read and decide again). Returning null, or the same instance, writes nothing. Returns the progress
    /// now stored, or null when the batch does not exist.
    /// </summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<BatchProgress?> UpdateAsync(string batchId, Func<BatchProgress, BatchProgress?> change, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentNullException.ThrowIfNull(change);
        var stored = await OptimisticUpdate.UpdateAsync(_table, batchId, ProgressRow, current =>
        {
            if (current is null)
            {
                return null;
            }

            var before = Read(current);
            var after = change(before);
            return after is null || ReferenceEquals(after, before) ? null : ToEntity(after);
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return stored is null ? null : Read(stored);
    }

    /// <summary>Stores a list's entries as pages of <see cref="BatchPaging.PageSize"/> (rewriting the same rows when repeated).</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="entries">The distinct entries.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task SaveListAsync(string batchId, IReadOnlyList<string> entries, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentNullException.ThrowIfNull(entries);
        var pages = Enumerable.Range(0, BatchPaging.PageCount(entries.Count))
            .Select(page => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(batchId, PageRow(page)).WithSplitText(JsonProperty, JsonSerializer.Serialize(BatchPaging.Slice(entries, page)))))
            .ToList();
        foreach (var group in pages.Chunk(PagesPerTransaction))
        {
            await _table.SubmitCheckedAsync(group, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The entries of one stored list page.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="page">The page (from 0).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="InvalidDataException">The page is missing.</exception>
    public async Task<IReadOnlyList<string>> ReadListPageAsync(string batchId, int page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        var row = await _table.FindAsync(batchId, PageRow(page), cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Batch {batchId} has no stored page {page}.");
        return JsonSerializer.Deserialize<string[]>(row.GetSplitText(JsonProperty)!) ?? [];
    }

    /// <summary>
    /// Claims a contact for one page of a list batch and returns the page that holds the claim: this page on the
    /// first claim and on a retry of the same page, an earlier page when the list named the contact twice (say by id
    /// and by email).
    /// </summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="contactId">The resolved contact.</param>
    /// <param name="page">The page claiming it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<int> ClaimContactAsync(string batchId, string contactId, int page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var row = ClaimPrefix + contactId;
        try
        {
            await _table.InsertAsync(new TableEntity(batchId, row) { { PageProperty, page } }, cancellationToken).ConfigureAwait(false);
            return page;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var claim = await _table.FindAsync(batchId, row, [PageProperty], cancellationToken).ConfigureAwait(false);
            return claim?.GetInt32(PageProperty) ?? page;
        }
    }

    private static string PageRow(int page) => PagePrefix + page.ToString("D6", CultureInfo.InvariantCulture);

    private static BatchProgress Read(TableEntity row) =>
        JsonSerializer.Deserialize<BatchProgress>(row.GetSplitText(JsonProperty) ?? throw new InvalidDataException($"Batch row {row.PartitionKey} has no JSON."), JourneyJson.Options)
        ?? throw new InvalidDataException($"Batch row {row.PartitionKey} holds null.");

    private static TableEntity ToEntity(BatchProgress progress) =>
        new TableEntity(progress.BatchId, ProgressRow).WithSplitText(JsonProperty, JsonSerializer.Serialize(progress, JourneyJson.Options));
}
