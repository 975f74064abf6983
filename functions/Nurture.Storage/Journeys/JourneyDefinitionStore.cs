using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Serialization;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

/// <summary>
/// Journey drafts and immutable published versions. Rows: partition = journey id; row <c>draft</c> holds the
/// editable draft, rows <c>v0000000001</c>... the published versions (insert-only). A catalog table keeps one
/// row per journey with its latest version and entry event type, so routing an event reads one small query.
/// </summary>
/// <remarks>
/// Because a published version never changes, loaded versions are cached for the life of the store.
/// </remarks>
public sealed partial class JourneyDefinitionStore
{
    private const string DraftRow = "draft";
    private const string VersionPrefix = "v";
    private const string CatalogPartition = "journey";
    private const string DocumentProperty = "Document";

    private readonly TableClient _definitions;
    private readonly TableClient _catalog;
    private readonly ConcurrentDictionary<(string, int), JourneyDefinition> _versions = new();

    /// <summary>Creates the store.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="names">Table names; <see cref="JourneyStorageNames.Default"/> when null.</param>
    public JourneyDefinitionStore(TableServiceClient tables, JourneyStorageNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        names ??= JourneyStorageNames.Default;
        _definitions = tables.GetTableClient(names.Definitions);
        _catalog = tables.GetTableClient(names.Catalog);
    }

    /// <summary>Creates the tables if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _definitions.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _catalog.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or replaces the journey's draft.</summary>
    /// <param name="draft">The draft (its version number is not meaningful).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task SaveDraftAsync(JourneyDefinition draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var row = new TableEntity(draft.Id, DraftRow).WithSplitText(DocumentProperty, JourneyJson.Serialize(draft));
        await _definitions.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The journey's draft, or null.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<JourneyDefinition?> GetDraftAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(journeyId);
        var row = await _definitions.FindAsync(journeyId, DraftRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : Parse(row);
    }

    /// <summary>
    /// Stores a published version, insert-only. Storing the identical document again is a no-op
    /// (<see cref="PublishOutcome.AlreadyPublished"/>); a different document under an existing version throws
    /// <see cref="JourneyVersionConflictException"/>. Then moves the catalog row to the highest version.
    /// </summary>
    /// <param name="version">The validated, numbered version (see <c>JourneyPublishing.Publish</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<PublishOutcome> PublishAsync(JourneyDefinition version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentOutOfRangeException.ThrowIfLessThan(version.Version, 1);
        var document = JourneyJson.Serialize(version);
        var row = new TableEntity(version.Id, VersionRow(version.Version)).WithSplitText(DocumentProperty, document);
        var outcome = PublishOutcome.Published;
        try
        {
            await _definitions.InsertAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await GetVersionAsync(version.Id, version.Version, cancellationToken).ConfigureAwait(false);
            if (stored is null || !string.Equals(JourneyJson.Serialize(stored), document, StringComparison.Ordinal))
            {
                throw new JourneyVersionConflictException(version.Id, version.Version);
            }

            outcome = PublishOutcome.AlreadyPublished;
        }

        // Also on a retried publish: the first attempt may have stopped before the catalog write.
        await UpdateCatalogAsync(version, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>One published version, or null when it does not exist.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<JourneyDefinition?> GetVersionAsync(string journeyId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(journeyId);
        if (_versions.TryGetValue((journeyId, version), out var cached))
        {
            return cached;
        }

        var row = await _definitions.FindAsync(journeyId, VersionRow(version), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var definition = Parse(row);
        _versions.TryAdd((journeyId, version), definition);
        return definition;
    }

    /// <summary>The journey's published version numbers, ascending.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<int>> ListVersionsAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(journeyId);
        var filter = TableFilters.And(TableFilters.Partition(journeyId), TableFilters.StartsWith("RowKey", VersionPrefix));
        var versions = new List<int>();
        await foreach (var row in _definitions.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            versions.Add(int.Parse(row.RowKey.AsSpan(VersionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture));
        }

        versions.Sort();
        return versions;
    }

    /// <summary>The latest published version, or null when none is.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<JourneyDefinition?> GetLatestAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        var entry = await GetCatalogEntryAsync(journeyId, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : await GetVersionAsync(journeyId, entry.LatestVersion, cancellationToken).ConfigureAwait(false);
    }

    private static string VersionRow(int version) => VersionPrefix + version.ToString("D10", CultureInfo.InvariantCulture);

    private static JourneyDefinition Parse(TableEntity row) =>
        JourneyJson.Parse(row.GetSplitText(DocumentProperty) ?? throw new InvalidDataException($"Journey row {row.PartitionKey}/{row.RowKey} has no document."));
}
