using Nurture.Storage.Tables;

namespace Nurture.Storage.InMemory;

/// <summary>Entity group transactions: all operations or none.</summary>
public sealed partial class InMemoryTableClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<string?>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableTransactionValidation.Validate(actions);
        return Locked<IReadOnlyList<string?>>(table =>
        {
            var before = actions.Select(a => (a.Entity.PartitionKey, a.Entity.RowKey))
                .Select(k => (Key: k, Row: table.Rows.GetValueOrDefault(k)))
                .ToList();
            var etags = new string?[actions.Count];
            for (var i = 0; i < actions.Count; i++)
            {
                try
                {
                    etags[i] = Apply(table, actions[i]);
                }
                catch (StorageRequestException ex)
                {
                    // Roll back: the service applies a changeset entirely or not at all.
                    foreach (var (key, row) in before)
                    {
                        if (row is null)
                        {
                            table.Rows.Remove(key);
                        }
                        else
                        {
                            table.Rows[key] = row;
                        }
                    }

                    throw new TableTransactionFailedException(ex.Status, ex.ErrorCode, null, i, ex.Message);
                }
            }

            return etags;
        });
    }
}
