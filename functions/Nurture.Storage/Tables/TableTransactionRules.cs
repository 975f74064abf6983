using Azure.Data.Tables;

namespace Nurture.Storage.Tables;

/// <summary>
/// The rules for entity group transactions, checked before sending: Azurite accepts transactions across partitions and
/// fails on 101 operations with a parse error, where Azure refuses both with a 400.
/// </summary>
public static class TableTransactionRules
{
    /// <summary>Throws unless the actions are 1 to 100 operations on distinct rows of one partition, each entity within limits.</summary>
    /// <param name="actions">The transaction's operations.</param>
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one operation.", nameof(actions));
        }

        if (actions.Count > TableLimits.MaxBatchOperations)
        {
            throw new ArgumentException($"A transaction holds at most {TableLimits.MaxBatchOperations} operations; got {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            ArgumentNullException.ThrowIfNull(entity);
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Operation {i} is for partition '{entity.PartitionKey}' but operation 0 is for '{partition}'; a transaction covers one partition.",
                    nameof(actions));
            }

            if (!seen.Add(entity.RowKey))
            {
                throw new ArgumentException($"Operation {i} repeats row key '{entity.RowKey}'; each entity may appear once in a transaction.", nameof(actions));
            }

            if (actions[i].ActionType == TableTransactionActionType.Delete)
            {
                TableLimits.ValidateKey(entity.PartitionKey, nameof(TableEntity.PartitionKey));
                TableLimits.ValidateKey(entity.RowKey, nameof(TableEntity.RowKey));
            }
            else
            {
                TableLimits.ValidateEntity(entity as TableEntity ?? throw new ArgumentException($"Operation {i} holds a {entity.GetType().Name}; transactions here take TableEntity rows.", nameof(actions)));
            }
        }
    }
}
