using System.Text.Json;
using Azure.Data.Tables;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Serialization;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

public sealed partial class JourneyInstanceStore
{
    /// <summary>
    /// Records on the timeline that a trigger changed nothing (a duplicate delivery, a stale timer, an event nothing
    /// waits for). The row sorts right after the decision the trigger met and is keyed by <paramref name="triggerKey"/>,
    /// so redeliveries of the same trigger against the same decision write one row, not one each.
    /// </summary>
    /// <param name="loaded">The instance as loaded when the trigger was decided.</param>
    /// <param name="triggerKey">A stable key of the trigger (the same for every copy of one queue message).</param>
    /// <param name="entry">The entry, normally of kind <see cref="HistoryKind.Ignored"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task RecordIgnoredAsync(StoredInstance loaded, string triggerKey, HistoryEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentException.ThrowIfNullOrEmpty(triggerKey);
        ArgumentNullException.ThrowIfNull(entry);
        var row = new TableEntity(loaded.State.InstanceId, HistoryRow(loaded.Decision) + "-" + triggerKey)
            .WithSplitText("Entries", JsonSerializer.Serialize(new[] { entry }, JourneyJson.Options));
        await _instances.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
