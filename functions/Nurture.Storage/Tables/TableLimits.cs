using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;

namespace Nurture.Storage.Tables;

/// <summary>
/// The Table service's limits, checked before a request is sent so a bad key or name fails with a clear
/// message instead of a service error. Azurite is more lenient than Azure in places (it answers 500 to a '/' in
/// a key and stores entities Azure refuses), so the rules are Azure's, enforced here.
/// </summary>
public static partial class TableLimits
{
    /// <summary>Most custom properties one entity may have.</summary>
    public const int MaxProperties = 252;

    /// <summary>Longest key in characters: 1 KiB of UTF-16, as the service counts it (Azurite checks the same 512).</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Longest property name.</summary>
    public const int MaxPropertyNameLength = 255;

    /// <summary>Largest string or binary value, in bytes (strings count UTF-16 bytes).</summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>Largest entity, in bytes, as the service counts it.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>Most operations in one entity group transaction.</summary>
    public const int MaxBatchOperations = 100;

    /// <summary>Largest batch request body.</summary>
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "ETag", "odata.etag",
    };

    /// <summary>Throws unless the name is a valid table name.</summary>
    public static void ValidateTableName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!TableNamePattern().IsMatch(name) || name.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Table name '{name}' is invalid: use 3-63 letters and digits, starting with a letter (and not 'tables').",
                nameof(name));
        }
    }

    /// <summary>Throws unless the value can be a partition or row key.</summary>
    public static void ValidateKey(string value, string keyName)
    {
        ArgumentNullException.ThrowIfNull(value, keyName);
        if (value.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{keyName} is {value.Length} characters long; the limit is {MaxKeyLength}.", keyName);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException(
                    $"{keyName} contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}'; keys may not contain '/', '\\', '#', '?' or control characters.",
                    keyName);
            }
        }
    }

    /// <summary>Throws unless the name can be a custom property name.</summary>
    public static void ValidatePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxPropertyNameLength || !PropertyNamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Property name '{name}' is invalid: use up to {MaxPropertyNameLength} letters, digits and underscores, not starting with a digit.",
                nameof(name));
        }

        if (SystemProperties.Contains(name))
        {
            throw new ArgumentException($"'{name}' is a system property; set it through the entity's own member.", nameof(name));
        }
    }

    /// <summary>Throws unless the name can appear as a property in a filter (system properties included).</summary>
    public static void ValidateFilterProperty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxPropertyNameLength || !PropertyNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a property name that can appear in a filter.", nameof(name));
        }
    }

    /// <summary>Throws unless the entity's keys, property names, property count and value sizes are within limits.</summary>
    public static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(TableEntity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(TableEntity.RowKey));
        long size = 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2L;
        var count = 0;
        foreach (var (name, value) in entity)
        {
            if (SystemProperties.Contains(name) || value is null)
            {
                continue;
            }

            ValidatePropertyName(name);
            if (++count > MaxProperties)
            {
                throw new ArgumentException($"Entity has more than {MaxProperties} properties, the most one entity may have.", nameof(entity));
            }

            var valueBytes = value switch
            {
                string s => s.Length * 2L,
                byte[] b => b.LongLength,
                _ => 8,
            };
            if (value is string or byte[] && valueBytes > MaxValueBytes)
            {
                throw new ArgumentException(
                    $"Property '{name}' is {valueBytes} bytes; string and binary values are limited to {MaxValueBytes} bytes (strings count 2 bytes a character).",
                    nameof(entity));
            }

            size += 8 + name.Length * 2L + valueBytes;
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"Entity is about {size} bytes; the limit is {MaxEntityBytes}.", nameof(entity));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PropertyNamePattern();
}
