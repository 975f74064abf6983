using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// Which contact owns an identity (shop customer id, normalised email, E.164 phone). Keys are SHA-256
/// hashes of the identity, so no address appears in a key (keys cannot be scrubbed by a merge) and no
/// character of an address can break the key rules. The first claim wins; merges move ownership.
/// </summary>
public sealed class ContactIndex
{
    /// <summary>The index table.</summary>
    public const string TableName = "NurtureContactIndex";

    private readonly TableClient _table;

    /// <summary>Creates the index over the account's Table service.</summary>
    public ContactIndex(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The contact that owns the identity, or null.</summary>
    public async Task<string?> FindAsync(IdentityKind kind, string normalizedValue, CancellationToken cancellationToken = default)
    {
        var row = await _table.FindAsync(PartitionKey(kind, normalizedValue), string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row?.GetString("ContactId");
    }

    /// <summary>Claims the identity for <paramref name="contactId"/> unless another contact owns it; returns the owner.</summary>
    public async Task<string> ClaimAsync(IdentityKind kind, string normalizedValue, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var key = PartitionKey(kind, normalizedValue);
        try
        {
            await _table.InsertAsync(new TableEntity(key, string.Empty) { { "ContactId", contactId }, { "Kind", kind.ToString() } }, cancellationToken).ConfigureAwait(false);
            return contactId;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var owner = await FindAsync(kind, normalizedValue, cancellationToken).ConfigureAwait(false);

            // Released between our insert and read: claim again.
            return owner ?? await ClaimAsync(kind, normalizedValue, contactId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records that <paramref name="contactId"/> owns the identity, replacing any owner (for references, which the latest event knows best).</summary>
    public Task RememberAsync(IdentityKind kind, string normalizedValue, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var row = new TableEntity(PartitionKey(kind, normalizedValue), string.Empty) { { "ContactId", contactId }, { "Kind", kind.ToString() } };
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Moves the identity to <paramref name="toContactId"/> (a merge); does nothing if it is not owned by <paramref name="fromContactId"/>.</summary>
    public async Task<bool> ReassignAsync(IdentityKind kind, string normalizedValue, string fromContactId, string toContactId, CancellationToken cancellationToken = default)
    {
        var changed = false;
        await OptimisticUpdate.UpdateAsync(_table, PartitionKey(kind, normalizedValue), string.Empty, current =>
        {
            changed = current?.GetString("ContactId") == fromContactId;
            if (!changed)
            {
                return null;
            }

            current!["ContactId"] = toContactId;
            return current;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Releases the identity if <paramref name="contactId"/> owns it (erasure); true when removed.</summary>
    public async Task<bool> ReleaseAsync(IdentityKind kind, string normalizedValue, string contactId, CancellationToken cancellationToken = default)
    {
        var key = PartitionKey(kind, normalizedValue);
        var row = await _table.FindAsync(key, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row?.GetString("ContactId") != contactId)
        {
            return false;
        }

        try
        {
            return await _table.DeleteIfMatchAsync(key, string.Empty, row.ETag!, cancellationToken).ConfigureAwait(false);
        }
        catch (ETagMismatchException)
        {
            return false;
        }
    }

    /// <summary>The hashed key of an identity.</summary>
    public static string PartitionKey(IdentityKind kind, string normalizedValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(normalizedValue);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalizedValue));
        return kind.ToString().ToLowerInvariant() + "_" + Convert.ToHexStringLower(hash);
    }
}
