using System.Text.Json;

namespace Nurture.LocalHost.Metadata;

/// <summary>One binding of a function in <c>functions.metadata</c>: its name, type and direction, and the trigger's properties.</summary>
public sealed class BindingMetadataEntry
{
    private readonly Dictionary<string, JsonElement> _properties;

    /// <summary>Reads a binding object; property names compare case-insensitively.</summary>
    public BindingMetadataEntry(JsonElement binding)
    {
        if (binding.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("A binding is not a JSON object.");
        }

        _properties = binding.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.OrdinalIgnoreCase);
        Name = GetString("name") ?? throw new InvalidDataException("A binding has no \"name\".");
        Type = GetString("type") ?? throw new InvalidDataException($"Binding '{Name}' has no \"type\".");
        Direction = GetString("direction") ?? "In";
    }

    /// <summary>The parameter the binding feeds (<c>$return</c> for the return value).</summary>
    public string Name { get; }

    /// <summary>The binding type: <c>httpTrigger</c>, <c>queueTrigger</c>, <c>http</c>, <c>durableClient</c>, ...</summary>
    public string Type { get; }

    /// <summary><c>In</c>, <c>Out</c> or <c>InOut</c>.</summary>
    public string Direction { get; }

    /// <summary>True for an input binding.</summary>
    public bool IsInput => string.Equals(Direction, "In", StringComparison.OrdinalIgnoreCase);

    /// <summary>A string property, or null when absent or null.</summary>
    public string? GetString(string property) =>
        _properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A boolean property (JSON true/false or the strings "true"/"false"), or null when absent.</summary>
    public bool? GetBoolean(string property) => _properties.TryGetValue(property, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw new InvalidDataException($"Binding '{Name}': \"{property}\" must be true or false."),
        }
        : null;

    /// <summary>A string array property, or null when absent or null.</summary>
    public IReadOnlyList<string>? GetStrings(string property) =>
        _properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(e => e.GetString() ?? throw new InvalidDataException($"Binding '{Name}': \"{property}\" holds a null."))]
            : null;
}
