using System.Collections;

namespace Nurture.Storage.Tables;

/// <summary>
/// One row of an Azure table: partition key, row key, the service's ETag and timestamp, and up to
/// 252 typed properties (string, int, long, double, bool, DateTimeOffset, Guid, byte[]).
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an entity with the given keys and no properties.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key.</summary>
    public string PartitionKey { get; set; }

    /// <summary>The row key, unique within the partition.</summary>
    public string RowKey { get; set; }

    /// <summary>The ETag the service gave this version of the entity; null for an entity not read from storage.</summary>
    public string? ETag { get; set; }

    /// <summary>When the service last wrote the entity; null for an entity not read from storage.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Number of custom properties.</summary>
    public int Count => _properties.Count;

    /// <summary>Names of the custom properties.</summary>
    public IEnumerable<string> Keys => _properties.Keys;

    /// <summary>Gets or sets a property; setting null removes it. Only the supported types are accepted.</summary>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            TableLimits.ValidatePropertyName(name);
            _properties[name] = TableValue.Normalize(name, value);
        }
    }

    /// <summary>Sets a property read from the service, skipping the checks a caller's value needs (the service already enforced them).</summary>
    internal void SetFromService(string name, object value) => _properties[name] = value;

    /// <summary>True when the entity has the property.</summary>
    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    /// <summary>Removes a property; true when it was there.</summary>
    public bool Remove(string name) => _properties.Remove(name);

    /// <summary>Reads a string property, or null.</summary>
    public string? GetString(string name) => _properties.GetValueOrDefault(name) as string;

    /// <summary>Reads an Int32 property, or null.</summary>
    public int? GetInt32(string name) => _properties.GetValueOrDefault(name) switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => null,
    };

    /// <summary>Reads an Int64 property (an Int32 widens), or null.</summary>
    public long? GetInt64(string name) => _properties.GetValueOrDefault(name) switch
    {
        long l => l,
        int i => i,
        _ => null,
    };

    /// <summary>Reads a Double property (integers widen), or null.</summary>
    public double? GetDouble(string name) => _properties.GetValueOrDefault(name) switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    /// <summary>Reads a Boolean property, or null.</summary>
    public bool? GetBoolean(string name) => _properties.GetValueOrDefault(name) as bool?;

    /// <summary>Reads a DateTime property, or null.</summary>
    public DateTimeOffset? GetDateTimeOffset(string name) => _properties.GetValueOrDefault(name) as DateTimeOffset?;

    /// <summary>Reads a Guid property, or null.</summary>
    public Guid? GetGuid(string name) => _properties.GetValueOrDefault(name) as Guid?;

    /// <summary>Reads a Binary property, or null.</summary>
    public byte[]? GetBinary(string name) => _properties.GetValueOrDefault(name) as byte[];

    /// <summary>A deep copy (binary values are copied too).</summary>
    public TableEntity Clone()
    {
        var copy = new TableEntity(PartitionKey, RowKey) { ETag = ETag, Timestamp = Timestamp };
        foreach (var (name, value) in _properties)
        {
            copy._properties[name] = value is byte[] bytes ? (byte[])bytes.Clone() : value;
        }

        return copy;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Collection-initializer support: <c>new TableEntity(pk, rk) { { "Name", "x" } }</c>.</summary>
    public void Add(string name, object value) => this[name] = value;
}
