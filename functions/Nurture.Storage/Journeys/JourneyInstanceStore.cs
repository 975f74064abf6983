using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Serialization;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

/// <summary>
/// Journey instances: state with its ETag, the side effects a saved decision still owes, the history, and an
/// index of instances per contact.
/// </summary>
/// <remarks>
/// <para>One partition per instance (row <c>state</c>, rows <c>h-00000001</c>... one per decision). Every decision's
/// state change and its history row go in one entity group transaction, which is only possible within a
/// partition: history can never run ahead of or behind the state. A partition per journey would put every
/// instance of a busy journey under the 2,000 entities/s partition target; per instance, load spreads.</para>
/// <para>History rows are keyed by the decision number the state row carries, so a decision that is replayed
/// after a failed save writes the same key, and a decision that lost an ETag race wrote nothing.</para>
/// </remarks>
public sealed partial class JourneyInstanceStore
{
    private const string StateRow = "state";
    private const string HistoryPrefix = "h-";
    private const string PendingCountColumn = "PendingCount";
    private const string TimerIdColumn = "TimerId";
    private const string TimerDueAtColumn = "TimerDueAt";

    private readonly TableClient _instances;
    private readonly TableClient _byContact;

    /// <summary>Creates the store.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="names">Table names; <see cref="JourneyStorageNames.Default"/> when null.</param>
    public JourneyInstanceStore(TableServiceClient tables, JourneyStorageNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        names ??= JourneyStorageNames.Default;
        _instances = tables.GetTableClient(names.Instances);
        _byContact = tables.GetTableClient(names.ContactInstances);
    }

    /// <summary>Creates the tables if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _instances.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _byContact.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts a new (pending) instance; false when an instance with its id already exists.</summary>
    /// <param name="state">The state from the entry decision.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> CreateAsync(JourneyState state, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            await _instances.InsertAsync(StateEntity(state, 0, [], now), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Loads an instance with its ETag, or null when it does not exist.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var row = await _instances.FindAsync(instanceId, StateRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize<JourneyState>(Required(row, "State"), JourneyJson.Options)!;
        var pending = row.GetSplitText("Pending") is { } text
            ? JsonSerializer.Deserialize<List<JourneyCommand>>(text, JourneyJson.Options)!
            : [];
        return new StoredInstance(state, row.ETag, row.GetInt32("Decision") ?? 0, pending);
    }

    /// <summary>
    /// Saves a decision with If-Match on the loaded ETag: the new state, the side effects still to apply, and the
    /// decision's history row, atomically. Throws <see cref="InstanceSaveConflictException"/> when the instance
    /// changed since it was loaded (nothing was written then).
    /// </summary>
    /// <param name="loaded">The instance as loaded.</param>
    /// <param name="state">The decided state.</param>
    /// <param name="history">The decision's timeline entries.</param>
    /// <param name="pending">The decision's side effects (applied after the save, cleared once applied).</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<StoredInstance> SaveDecisionAsync(
        StoredInstance loaded,
        JourneyState state,
        IReadOnlyList<HistoryEntry> history,
        IReadOnlyList<JourneyCommand> pending,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(pending);
        var decision = loaded.Decision + 1;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, StateEntity(state, decision, pending, now), loaded.ETag),
        };
        if (history.Count > 0)
        {
            var row = new TableEntity(state.InstanceId, HistoryRow(decision)).WithSplitText("Entries", JsonSerializer.Serialize(history, JourneyJson.Options));
            actions.Add(new(TableTransactionActionType.UpsertReplace, row));
        }

        try
        {
            var etags = await _instances.SubmitCheckedAsync(actions, cancellationToken).ConfigureAwait(false);
            return new StoredInstance(state, etags[0]!.Value, decision, pending);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new InstanceSaveConflictException(state.InstanceId, e);
        }
    }

    /// <summary>Marks the saved decision's side effects as applied; null when the instance changed meanwhile (whoever changed it applied them).</summary>
    /// <param name="saved">The instance as saved.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<StoredInstance?> ClearPendingAsync(StoredInstance saved, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saved);
        if (saved.Pending.Count == 0)
        {
            return saved;
        }

        try
        {
            var etag = await _instances.UpdateIfMatchAsync(StateEntity(saved.State, saved.Decision, [], now), saved.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return saved with { ETag = etag, Pending = [] };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>The instance's timeline, oldest first.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var filter = TableFilters.And(TableFilters.Partition(instanceId), TableFilters.StartsWith("RowKey", HistoryPrefix));
        var entries = new List<HistoryEntry>();
        await foreach (var row in _instances.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.AddRange(JsonSerializer.Deserialize<List<HistoryEntry>>(Required(row, "Entries"), JourneyJson.Options)!);
        }

        return entries;
    }

    private static TableEntity StateEntity(JourneyState state, int decision, IReadOnlyList<JourneyCommand> pending, DateTimeOffset now)
    {
        var row = new TableEntity(state.InstanceId, StateRow)
        {
            { "JourneyId", state.JourneyId },
            { "Version", state.Version },
            { "ContactId", state.ContactId },
            { "Status", state.Status.ToString() },
            { "Decision", decision },
            { "UpdatedAt", now },
            { PendingCountColumn, pending.Count },
        };
        if (state.Timer is { } timer)
        {
            row[TimerIdColumn] = timer.TimerId;
            row[TimerDueAtColumn] = timer.DueAt;
        }

        row.WithSplitText("State", JsonSerializer.Serialize(state, JourneyJson.Options));
        if (pending.Count > 0)
        {
            row.WithSplitText("Pending", JsonSerializer.Serialize(pending, JourneyJson.Options));
        }

        return row;
    }

    private static string HistoryRow(int decision) => HistoryPrefix + decision.ToString("D8", CultureInfo.InvariantCulture);

    private static string Required(TableEntity row, string name) =>
        row.GetSplitText(name) ?? throw new InvalidDataException($"Journey instance row {row.PartitionKey}/{row.RowKey} has no {name}.");
}
