using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion;

/// <summary>Builds a canonical event's properties object, leaving out absent values.</summary>
internal sealed class PropertyBag
{
    private readonly JsonObject _object = [];

    public PropertyBag Put(string name, string? value)
    {
        if (value is not null)
        {
            _object[name] = value;
        }

        return this;
    }

    public PropertyBag Put(string name, decimal? value)
    {
        if (value is not null)
        {
            _object[name] = value.Value;
        }

        return this;
    }

    public PropertyBag Put(string name, int? value)
    {
        if (value is not null)
        {
            _object[name] = value.Value;
        }

        return this;
    }

    public PropertyBag Put(string name, bool? value)
    {
        if (value is not null)
        {
            _object[name] = value.Value;
        }

        return this;
    }

    public PropertyBag Put(string name, DateTimeOffset? value)
    {
        if (value is not null)
        {
            _object[name] = value.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return this;
    }

    public PropertyBag Put(string name, PropertyBag? value)
    {
        if (value is not null)
        {
            _object[name] = value._object;
        }

        return this;
    }

    public PropertyBag Put(string name, IReadOnlyCollection<string>? values)
    {
        if (values is { Count: > 0 })
        {
            _object[name] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return this;
    }

    public PropertyBag Put(string name, IReadOnlyCollection<PropertyBag>? items)
    {
        if (items is { Count: > 0 })
        {
            _object[name] = new JsonArray(items.Select(i => (JsonNode?)i._object).ToArray());
        }

        return this;
    }

    /// <summary>Copies a JSON value as is (the track API's own properties).</summary>
    public PropertyBag PutRaw(string name, JsonElement value)
    {
        _object[name] = JsonNode.Parse(value.GetRawText());
        return this;
    }

    /// <summary>A line item in the canonical shape.</summary>
    public static PropertyBag LineItem(string? productId, string? variantId, string? sku, string? title, string? category, int? quantity, decimal? price) =>
        new PropertyBag()
            .Put(EventProperties.ProductId, productId)
            .Put(EventProperties.VariantId, variantId)
            .Put(EventProperties.Sku, sku)
            .Put(EventProperties.Title, title)
            .Put(EventProperties.Category, category)
            .Put(EventProperties.Quantity, quantity)
            .Put(EventProperties.Price, price);

    public JsonElement ToElement() => JsonSerializer.SerializeToElement(_object);
}
