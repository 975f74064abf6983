using Azure.Data.Tables;
using Nurture.Core.Journeys.Model;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

public sealed partial class JourneyDefinitionStore
{
    /// <summary>Every journey that has a draft or a published version, ordered by id.</summary>
    /// <remarks>
    /// One query of the catalog partition, one query of the draft rows (a filter on the row key, so it reads across
    /// every journey's partition: fine for the hundreds of journeys a shop designs, not for millions), and the
    /// latest version's document for journeys without a draft (cached: published versions never change).
    /// </remarks>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<JourneyOverview>> ListOverviewAsync(CancellationToken cancellationToken = default)
    {
        var drafts = new Dictionary<string, (JourneyDefinition Draft, DateTimeOffset? SavedAt)>(StringComparer.Ordinal);
        var draftFilter = TableClient.CreateQueryFilter($"RowKey eq {DraftRow}");
        await foreach (var row in _definitions.QueryAsync<TableEntity>(draftFilter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            drafts[row.PartitionKey] = (Parse(row), row.Timestamp);
        }

        var published = new Dictionary<string, (JourneyCatalogEntry Entry, DateTimeOffset? ChangedAt)>(StringComparer.Ordinal);
        await foreach (var row in _catalog.QueryAsync<TableEntity>(TableFilters.Partition(CatalogPartition), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            published[row.RowKey] = (ToEntry(row), row.Timestamp);
        }

        var overview = new List<JourneyOverview>();
        foreach (var journeyId in drafts.Keys.Union(published.Keys).Order(StringComparer.Ordinal))
        {
            var hasDraft = drafts.TryGetValue(journeyId, out var draft);
            var isPublished = published.TryGetValue(journeyId, out var catalog);
            var name = hasDraft
                ? draft.Draft.Name
                : (await GetVersionAsync(journeyId, catalog.Entry.LatestVersion, cancellationToken).ConfigureAwait(false))?.Name;
            overview.Add(new JourneyOverview(
                journeyId,
                name,
                isPublished ? catalog.Entry.LatestVersion : null,
                isPublished && catalog.Entry.Paused,
                hasDraft,
                Latest(hasDraft ? draft.SavedAt : null, isPublished ? catalog.ChangedAt : null)));
        }

        return overview;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
