using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Nurture.Core.Profiles;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// Contact profiles, one row each (partition = contact id), stored as JSON. Updates are read-modify-write with
/// ETags, so concurrent events for one contact never lose an update; a merged-away contact keeps a redirect row.
/// </summary>
public sealed class ProfileStore
{
    /// <summary>The profile table.</summary>
    public const string TableName = "NurtureProfiles";

    private const string ProfileRow = "profile";

    private readonly TableClient _table;

    /// <summary>Creates the store over the account's Table service.</summary>
    public ProfileStore(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The profile, or null; follows a merge redirect once.</summary>
    public async Task<ContactProfile?> GetAsync(string contactId, CancellationToken cancellationToken = default)
    {
        var row = await _table.FindAsync(contactId, ProfileRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row?.GetString("MergedInto") is { } survivor)
        {
            row = await _table.FindAsync(survivor, ProfileRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return row is null ? null : Read(row);
    }

    /// <summary>The contact a merged-away id now lives in, or the id itself.</summary>
    public async Task<string> ResolveAsync(string contactId, CancellationToken cancellationToken = default)
    {
        var row = await _table.FindAsync(contactId, ProfileRow, ["MergedInto"], cancellationToken).ConfigureAwait(false);
        return row?.GetString("MergedInto") ?? contactId;
    }

    /// <summary>
    /// As <see cref="ResolveAsync"/>, reading the whole row, so an update that follows can start from it instead of
    /// reading it again.
    /// </summary>
    public async Task<ProfileLookup> ResolveForUpdateAsync(string contactId, CancellationToken cancellationToken = default)
    {
        var row = await _table.FindAsync(contactId, ProfileRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row?.GetString("MergedInto") is { } survivor)
        {
            return new ProfileLookup(survivor, EntityGuess.None);
        }

        return new ProfileLookup(contactId, row is null ? EntityGuess.Missing : EntityGuess.Known(row));
    }

    /// <summary>Applies <paramref name="change"/> to the current profile (a new one when missing) under optimistic concurrency.</summary>
    public Task<ContactProfile> UpdateAsync(string contactId, Func<ContactProfile, ContactProfile> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(contactId, change, EntityGuess.None, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> as <see cref="UpdateAsync(string, Func{ContactProfile, ContactProfile}, CancellationToken)"/>,
    /// starting from <paramref name="guess"/> instead of a read: <see cref="EntityGuess.Missing"/> for a contact just created,
    /// or the row <see cref="ResolveForUpdateAsync"/> returned. A wrong guess falls back to read-modify-write.
    /// </summary>
    public async Task<ContactProfile> UpdateAsync(string contactId, Func<ContactProfile, ContactProfile> change, EntityGuess guess, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ContactProfile? written = null;
        await OptimisticUpdate.UpdateAsync(_table, contactId, ProfileRow, current =>
        {
            var before = current is null ? ContactProfile.Create(contactId) : Read(current);
            var after = change(before);
            written = after;
            return ReferenceEquals(after, before) && current is not null ? null : ToEntity(after);
        }, guess, cancellationToken: cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <summary>Replaces the loser's row with a redirect to the survivor (after a merge).</summary>
    public Task MarkMergedAsync(string loserId, string survivorId, CancellationToken cancellationToken = default) =>
        _table.UpsertAsync(new TableEntity(loserId, ProfileRow) { { "MergedInto", survivorId } }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Deletes the profile row (erasure).</summary>
    public Task<bool> DeleteAsync(string contactId, CancellationToken cancellationToken = default) =>
        _table.DeleteIfMatchAsync(contactId, ProfileRow, cancellationToken: cancellationToken);

    /// <summary>Deletes the redirect rows of contacts merged into <paramref name="survivorId"/> (erasure).</summary>
    public async Task DeleteRedirectsToAsync(string survivorId, CancellationToken cancellationToken = default)
    {
        var redirects = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"MergedInto eq {survivorId}"), select: ["PartitionKey", "RowKey", "MergedInto"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            redirects.Add(row.PartitionKey);
        }

        foreach (var loser in redirects)
        {
            await _table.DeleteIfMatchAsync(loser, ProfileRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every stored profile (not redirects), for timers and segment queries.</summary>
    public async IAsyncEnumerable<ContactProfile> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("MergedInto") is null)
            {
                yield return Read(row);
            }
        }
    }

    /// <summary>
    /// One page of a scan of every stored profile (not redirects), starting at <paramref name="continuationToken"/>:
    /// for work that pages through all contacts without holding them all.
    /// </summary>
    /// <param name="pageSize">Rows to read (1-1000); redirects among them are left out, so a page may hold fewer profiles.</param>
    /// <param name="continuationToken">Where to start; null for the first page.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ProfilePage> ReadPageAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        await foreach (var page in _table.QueryAsync<TableEntity>(maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            var profiles = page.Values.Where(row => row.GetString("MergedInto") is null).Select(Read).ToList();
            return new ProfilePage(profiles, page.ContinuationToken);
        }

        return new ProfilePage([], null);
    }

    private static ContactProfile Read(TableEntity row) => ProfileJson.Deserialize(row.GetSplitText("Json") ?? throw new InvalidDataException($"Profile row {row.PartitionKey} has no JSON."));

    private static TableEntity ToEntity(ContactProfile profile) =>
        new TableEntity(profile.ContactId, ProfileRow).WithSplitText("Json", ProfileJson.Serialize(profile));
}
