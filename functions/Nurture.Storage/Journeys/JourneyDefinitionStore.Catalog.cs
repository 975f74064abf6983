using Azure.Data.Tables;
using Nurture.Core.Journeys.Model;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

public sealed partial class JourneyDefinitionStore
{
    /// <summary>The catalog row of a journey, or null when nothing was published.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<JourneyCatalogEntry?> GetCatalogEntryAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(journeyId);
        var row = await _catalog.FindAsync(CatalogPartition, journeyId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToEntry(row);
    }

    /// <summary>Every published journey.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<JourneyCatalogEntry>> ListJourneysAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<JourneyCatalogEntry>();
        await foreach (var row in _catalog.QueryAsync<TableEntity>(TableFilters.Partition(CatalogPartition), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ToEntry(row));
        }

        return entries;
    }

    /// <summary>Journeys, not paused, whose latest version is entered by events of this type.</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<JourneyCatalogEntry>> ListEnteredByAsync(string eventType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CatalogPartition} and EntryEventType eq {eventType} and Paused eq {false}");
        var entries = new List<JourneyCatalogEntry>();
        await foreach (var row in _catalog.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ToEntry(row));
        }

        return entries;
    }

    /// <summary>Pauses or resumes new entries into a published journey; false when it was never published.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="paused">Whether to pause.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> SetPausedAsync(string journeyId, bool paused, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(journeyId);
        var written = await OptimisticUpdate.UpdateAsync(_catalog, CatalogPartition, journeyId, current =>
        {
            if (current is null)
            {
                return null;
            }

            current["Paused"] = paused;
            return current;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return written is not null;
    }

    private async Task UpdateCatalogAsync(JourneyDefinition version, CancellationToken cancellationToken)
    {
        await OptimisticUpdate.UpdateAsync(_catalog, CatalogPartition, version.Id, current =>
        {
            if (current?.GetInt32("LatestVersion") is { } latest && latest >= version.Version)
            {
                return null;
            }

            var row = current ?? new TableEntity(CatalogPartition, version.Id) { { "Paused", false } };
            row["LatestVersion"] = version.Version;
            row["EntryKind"] = version.Entry.Kind.ToString();
            row["EntryEventType"] = version.Entry.Kind == EntryKind.Event ? version.Entry.EventType : null;
            return row;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static JourneyCatalogEntry ToEntry(TableEntity row) => new(
        row.RowKey,
        row.GetInt32("LatestVersion") ?? 0,
        Enum.Parse<EntryKind>(row.GetString("EntryKind") ?? nameof(EntryKind.Api)),
        row.GetString("EntryEventType"),
        row.GetBoolean("Paused") ?? false);
}
