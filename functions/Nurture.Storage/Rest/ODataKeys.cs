using System.Text;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Rest;

/// <summary>Entity addresses: <c>table(PartitionKey='..',RowKey='..')</c> with quotes doubled, then percent-encoded.</summary>
internal static class ODataKeys
{
    public static string EntityPath(string table, string partitionKey, string rowKey)
    {
        TableLimits.ValidateKey(partitionKey, nameof(TableEntity.PartitionKey));
        TableLimits.ValidateKey(rowKey, nameof(TableEntity.RowKey));
        return new StringBuilder(table.Length + partitionKey.Length + rowKey.Length + 40)
            .Append('/').Append(table)
            .Append("(PartitionKey='").Append(Escape(partitionKey))
            .Append("',RowKey='").Append(Escape(rowKey))
            .Append("')")
            .ToString();
    }

    private static string Escape(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
