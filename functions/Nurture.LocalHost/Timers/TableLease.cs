using Azure;
using Azure.Data.Tables;
using Nurture.Storage;
using Nurture.Storage.Tables;

namespace Nurture.LocalHost.Timers;

/// <summary>
/// A lease on one name, kept as a table row whose ETag is the lock: taking or renewing is a conditional write
/// (insert, or update with If-Match), so of several instances racing exactly one wins. The lease lapses unless
/// renewed within its duration, so a crashed holder is replaced.
/// </summary>
internal sealed class TableLease(TableClient table, string name, string owner, TimeSpan duration, TimeProvider time)
{
    private const string PartitionKey = "timer";
    private const string OwnerProperty = "Owner";
    private const string ExpiresAtProperty = "ExpiresAt";
    private ETag? _etag;

    /// <summary>True after the last take or renewal succeeded and its expiry has not passed.</summary>
    public bool IsHeld => _etag is not null && time.GetUtcNow() < HeldUntil;

    /// <summary>When the lease lapses unless renewed.</summary>
    public DateTimeOffset HeldUntil { get; private set; }

    /// <summary>Takes the lease or renews it; false when another instance holds it.</summary>
    public async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entity = new TableEntity(PartitionKey, name) { [OwnerProperty] = owner, [ExpiresAtProperty] = now + duration };
        var current = await table.FindAsync(PartitionKey, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is null)
            {
                _etag = await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else if (LeaseRules.CanTake(current.GetString(OwnerProperty), current.GetDateTimeOffset(ExpiresAtProperty), owner, now))
            {
                _etag = await table.UpdateIfMatchAsync(entity, current.ETag, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _etag = null;
                return false;
            }
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409)
        {
            _etag = null;
            return false;
        }

        HeldUntil = now + duration;
        return true;
    }

    /// <summary>Ends the lease early so another instance can take over at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_etag is not { } etag)
        {
            return;
        }

        _etag = null;
        try
        {
            await table.DeleteIfMatchAsync(PartitionKey, name, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (ETagMismatchException)
        {
            // Someone else took it meanwhile: nothing of ours to release.
        }
    }
}
