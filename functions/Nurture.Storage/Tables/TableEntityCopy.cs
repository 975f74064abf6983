using Azure;
using Azure.Data.Tables;

namespace Nurture.Storage.Tables;

/// <summary>Copies of SDK entities, so a decision function can change one without touching what was read.</summary>
public static class TableEntityCopy
{
    /// <summary>A copy of the entity's keys, ETag, timestamp and properties (binary values are copied too).</summary>
    public static TableEntity Copy(this TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var copy = new TableEntity(entity.PartitionKey, entity.RowKey) { ETag = entity.ETag, Timestamp = entity.Timestamp };
        foreach (var (name, value) in entity)
        {
            if (name is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"))
            {
                copy[name] = value is byte[] bytes ? (byte[])bytes.Clone() : value;
            }
        }

        return copy;
    }
}
