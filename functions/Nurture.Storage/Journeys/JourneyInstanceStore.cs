using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Serialization;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

/// <summary>
/// What journey instances leave behind besides their Durable history: the state each decision ended in, the
/// timeline (every step, decision, send, skip and reason), and an index of instances per contact.
/// </summary>
/// <remarks>
/// <para>One partition per instance: row <c>state</c> (the latest decision's state) and rows <c>h-00000001</c>... one per
/// decision, written together in one entity group transaction, so the timeline never runs ahead of or behind the state.
/// A partition per journey would put every instance of a busy journey under the 2,000 entities/s partition target.</para>
/// <para>Rows are keyed by the decision number, so an activity that runs twice (Durable runs activities at least once)
/// writes the same rows again.</para>
/// </remarks>
public sealed partial class JourneyInstanceStore
{
    private const string StateRow = "state";
    private const string HistoryPrefix = "h-";

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
        await _instances.EnsureExistsAsync(cancellationToken).ConfigureAwait(false);
        await _byContact.EnsureExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records decision <paramref name="decision"/>: the state it ended in and its timeline lines, atomically and
    /// idempotently. A decision older than the one recorded writes its timeline lines but leaves the newer state: a
    /// re-run activity (a crashed worker's message delivered again after the instance moved on) never turns an
    /// instance's state back.
    /// </summary>
    /// <param name="state">The state after the decision.</param>
    /// <param name="decision">The decision's number (1 for the first).</param>
    /// <param name="history">The decision's timeline lines.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task RecordDecisionAsync(JourneyState state, int decision, IReadOnlyList<HistoryEntry> history, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(decision, 1);

        // The first decision nearly always finds no state row: add it without reading, and read only when it is there.
        var read = decision > 1;
        while (true)
        {
            var recorded = read ? await _instances.FindAsync(state.InstanceId, StateRow, ["Decision"], cancellationToken).ConfigureAwait(false) : null;
            read = true;
            var actions = new List<TableTransactionAction>();
            if (recorded is null)
            {
                actions.Add(new(TableTransactionActionType.Add, StateEntity(state, decision, now)));
            }
            else if ((recorded.GetInt32("Decision") ?? 0) <= decision)
            {
                actions.Add(new(TableTransactionActionType.UpdateReplace, StateEntity(state, decision, now), recorded.ETag));
            }

            if (history.Count > 0)
            {
                var row = new TableEntity(state.InstanceId, HistoryRow(decision)).WithSplitText("Entries", JsonSerializer.Serialize(history, JourneyJson.Options));
                actions.Add(new(TableTransactionActionType.UpsertReplace, row));
            }

            if (actions.Count == 0)
            {
                return;
            }

            try
            {
                await _instances.SubmitCheckedAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another attempt wrote the state row between the read and the write: read it again.
            }
        }
    }

    /// <summary>The state the instance's last recorded decision left it in, or null when none was recorded.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<RecordedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var row = await _instances.FindAsync(instanceId, StateRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize<JourneyState>(Required(row, "State"), JourneyJson.Options)!;
        return new RecordedInstance(state, row.GetInt32("Decision") ?? 0, row.GetDateTimeOffset("UpdatedAt"));
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

    /// <summary>Deletes the instance's state and timeline rows (erasure); deleting what is gone does nothing.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var rows = new List<string>();
        await foreach (var row in _instances.QueryAsync<TableEntity>(TableFilters.Partition(instanceId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row.RowKey);
        }

        foreach (var batch in rows.Chunk(TableLimits.MaxBatchOperations))
        {
            await _instances.SubmitCheckedAsync(batch.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, rk))).ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableEntity StateEntity(JourneyState state, int decision, DateTimeOffset now) =>
        new TableEntity(state.InstanceId, StateRow)
        {
            { "JourneyId", state.JourneyId },
            { "Version", state.Version },
            { "ContactId", state.ContactId },
            { "Status", state.Status.ToString() },
            { "Decision", decision },
            { "UpdatedAt", now },
        }.WithSplitText("State", JsonSerializer.Serialize(state, JourneyJson.Options));

    private static string HistoryRow(int decision) => HistoryPrefix + decision.ToString("D8", CultureInfo.InvariantCulture);

    private static string Required(TableEntity row, string name) =>
        row.GetSplitText(name) ?? throw new InvalidDataException($"Journey instance row {row.PartitionKey}/{row.RowKey} has no {name}.");
}
