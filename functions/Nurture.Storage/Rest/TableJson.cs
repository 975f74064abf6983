using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Rest;

/// <summary>
/// Entities to and from the Table service's JSON (OData minimal metadata). Types that JSON cannot carry
/// on their own (Int64, Double, DateTime, Guid, Binary) get an <c>@odata.type</c> annotation, as the
/// official SDKs write them, so entities read back the same through any client.
/// </summary>
internal static class TableJson
{
    private const string TypeSuffix = "@odata.type";

    /// <summary>Writes the entity as one line of JSON (Azurite's batch parser wants one line).</summary>
    public static void WriteEntity(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity)
        {
            switch (value)
            {
                case string s:
                    writer.WriteString(name, s);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case long l:
                    writer.WriteString(name + TypeSuffix, "Edm.Int64");
                    writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumber(name, d);
                    }
                    else
                    {
                        writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    }

                    break;
                case DateTimeOffset dto:
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    writer.WriteString(name, TableWireFormat.FormatDateTime(dto));
                    break;
                case Guid g:
                    writer.WriteString(name + TypeSuffix, "Edm.Guid");
                    writer.WriteString(name, g.ToString("D"));
                    break;
                case byte[] bytes:
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    writer.WriteBase64String(name, bytes);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The entity serialized to UTF-8 JSON.</summary>
    public static ReadOnlyMemory<byte> Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteEntity(writer, entity);
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Reads one entity object (as returned by a point get or inside a query's <c>value</c>).</summary>
    public static TableEntity ReadEntity(JsonElement element, string? etagHeader = null)
    {
        string? partitionKey = null, rowKey = null, etag = etagHeader;
        DateTimeOffset? timestamp = null;
        Dictionary<string, string>? types = null;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                types ??= new Dictionary<string, string>(StringComparer.Ordinal);
                types[name[..^TypeSuffix.Length]] = property.Value.GetString() ?? string.Empty;
            }
        }

        var entity = new TableEntity(string.Empty, string.Empty);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            switch (name)
            {
                case "PartitionKey":
                    partitionKey = value.GetString();
                    continue;
                case "RowKey":
                    rowKey = value.GetString();
                    continue;
                case "Timestamp":
                    timestamp = value.ValueKind == JsonValueKind.String ? ReadDateTime(value) : null;
                    continue;
                case "odata.etag":
                    etag ??= value.GetString();
                    continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var converted = Convert(value, types?.GetValueOrDefault(name));
            if (converted is not null)
            {
                entity.SetFromService(name, converted);
            }
        }

        entity.PartitionKey = partitionKey ?? string.Empty;
        entity.RowKey = rowKey ?? string.Empty;
        entity.ETag = etag;
        entity.Timestamp = timestamp;
        return entity;
    }

    private static object? Convert(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (edmType)
        {
            case "Edm.Int64":
                return value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
            case "Edm.Double":
                return value.ValueKind == JsonValueKind.String
                    ? value.GetString() switch
                    {
                        "NaN" => double.NaN,
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        var text => double.Parse(text!, CultureInfo.InvariantCulture),
                    }
                    : value.GetDouble();
            case "Edm.DateTime":
                return ReadDateTime(value);
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!);
            case "Edm.Binary":
                return value.GetBytesFromBase64();
            case "Edm.Int32":
                return value.GetInt32();
            case "Edm.Boolean":
                return value.GetBoolean();
            case "Edm.String":
                return value.GetString();
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // TryGetInt32 refuses "5.0" and "5e0", so a written double never comes back as an int.
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => value.GetRawText(),
        };
    }

    // The service writes ISO 8601 UTC; the JSON reader parses that without allocating a string.
    private static DateTimeOffset ReadDateTime(JsonElement value) =>
        value.TryGetDateTimeOffset(out var parsed) ? parsed.ToUniversalTime() : TableWireFormat.ParseDateTime(value.GetString()!);
}
