namespace Nurture.Storage.Tables;

/// <summary>
/// The client-side rules for entity group transactions (Azurite does not enforce them all, Azure does).
/// </summary>
internal static class TableTransactionValidation
{
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
                TableLimits.ValidateEntity(entity);
            }
        }
    }
}
