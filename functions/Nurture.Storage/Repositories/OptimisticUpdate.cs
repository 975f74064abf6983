using Azure;
using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// Read-modify-write of one entity under optimistic concurrency: read with its ETag, let the caller decide
/// the new entity, write with If-Match (or insert when it did not exist), and start again when another
/// writer got there first. Concurrent updates to one entity therefore never lose an update.
/// </summary>
public static class OptimisticUpdate
{
    /// <summary>Most attempts before giving up (the caller's queue message is then retried later).</summary>
    public const int MaxAttempts = 50;

    /// <summary>
    /// Applies <paramref name="decide"/> to the current entity (null when missing). Returning null leaves
    /// storage unchanged. Returns the entity written (with its new ETag), or the current one when unchanged.
    /// </summary>
    public static Task<TableEntity?> UpdateAsync(
        TableClient table,
        string partitionKey,
        string rowKey,
        Func<TableEntity?, TableEntity?> decide,
        TableUpdateMode mode = TableUpdateMode.Replace,
        CancellationToken cancellationToken = default) =>
        UpdateAsync(table, partitionKey, rowKey, decide, EntityGuess.None, mode, cancellationToken);

    /// <summary>
    /// As <see cref="UpdateAsync(TableClient, string, string, Func{TableEntity?, TableEntity?}, TableUpdateMode, CancellationToken)"/>;
    /// with a <paramref name="guess"/> the first attempt skips the read and decides on the guessed state: an insert
    /// when it guessed missing, an If-Match write with the guessed ETag otherwise. Either fails if the guess was wrong
    /// (409 or 412), and the next attempt reads as usual, so a wrong guess costs a request but never an update.
    /// </summary>
    public static async Task<TableEntity?> UpdateAsync(
        TableClient table,
        string partitionKey,
        string rowKey,
        Func<TableEntity?, TableEntity?> decide,
        EntityGuess guess,
        TableUpdateMode mode = TableUpdateMode.Replace,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(guess);
        for (var attempt = 1; ; attempt++)
        {
            var guessed = attempt == 1 && guess.SkipsRead;
            var current = guessed ? guess.Entity : await table.FindAsync(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = decide(current?.Copy());
            if (next is null)
            {
                if (guessed)
                {
                    // Nothing to write on the guessed state: look at what is really there before answering.
                    continue;
                }

                return current;
            }

            next.PartitionKey = partitionKey;
            next.RowKey = rowKey;
            try
            {
                next.ETag = current is null
                    ? await table.InsertAsync(next, cancellationToken).ConfigureAwait(false)
                    : await table.UpdateIfMatchAsync(next, current.ETag, mode, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (RequestFailedException ex) when ((ex.Status is 412 or 409 or 404) && attempt < MaxAttempts)
            {
                // Another writer changed, created or deleted it since we read: decide again on what is there now.
            }
        }
    }
}
