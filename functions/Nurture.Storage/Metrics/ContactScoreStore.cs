using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Scoring;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Metrics;

/// <summary>
/// Each contact's latest score (<see cref="ScoredContact"/>), written by <c>ScoreContacts</c>: the stage the next
/// run compares with, when ageing makes it due again, and the purchases it was computed from. Partition = contact
/// id, so erasing a contact removes its score with one row; the row is personal data, never part of a report.
/// </summary>
public sealed class ContactScoreStore
{
    /// <summary>The table.</summary>
    public const string DefaultTableName = "NurtureContactScores";

    private const string ScoreRow = "score";

    private readonly TableClient _table;

    /// <summary>Creates the store over the account's Table service.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="tableName">The table; <see cref="DefaultTableName"/> when null.</param>
    public ContactScoreStore(TableServiceClient tables, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(tableName ?? DefaultTableName);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Every stored score (one per contact).</summary>
    public async IAsyncEnumerable<ScoredContact> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["Json"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Json") is { } json)
            {
                yield return MetricsJson.Deserialize<ScoredContact>(json);
            }
        }
    }

    /// <summary>The contact's stored score, or null.</summary>
    public async Task<ScoredContact?> GetAsync(string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var row = await _table.FindAsync(contactId, ScoreRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row?.GetString("Json") is { } json ? MetricsJson.Deserialize<ScoredContact>(json) : null;
    }

    /// <summary>Replaces the contact's score.</summary>
    public Task SaveAsync(ScoredContact scored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var row = new TableEntity(scored.ContactId, ScoreRow)
        {
            ["Json"] = MetricsJson.Serialize(scored),
            ["RescoreAt"] = scored.RescoreAt,
        };
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Deletes the contact's score; false when none was stored.</summary>
    public Task<bool> DeleteContactAsync(string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        return _table.DeleteIfMatchAsync(contactId, ScoreRow, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// After a merge: the loser's score goes, and the survivor (or, without one, the loser's score moved to it) is
    /// due at once, so the next run rescores the merged purchases while still comparing with a stored stage.
    /// </summary>
    public async Task MergeAsync(string loserId, string survivorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(loserId);
        ArgumentException.ThrowIfNullOrEmpty(survivorId);
        var survivor = await GetAsync(survivorId, cancellationToken).ConfigureAwait(false);
        var loser = await GetAsync(loserId, cancellationToken).ConfigureAwait(false);
        var kept = survivor ?? (loser is null ? null : loser with { Score = loser.Score with { ContactId = survivorId } });
        if (kept is not null)
        {
            await SaveAsync(kept with { RescoreAt = DateTimeOffset.UnixEpoch }, cancellationToken).ConfigureAwait(false);
        }

        if (loser is not null)
        {
            await DeleteContactAsync(loserId, cancellationToken).ConfigureAwait(false);
        }
    }
}
