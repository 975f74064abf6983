using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// The things an event names besides the person (its order, its cart), as keys of the contact index:
/// an order or a checkout that names its customer leaves them behind, and a later event that names only the order
/// or the cart (a Shopify refund, a cart update, a BigCommerce thin hook) finds its contact through them.
/// </summary>
public static class EventReferences
{
    /// <summary>The references an event with a known contact leaves behind: an order's id and cart, a started checkout's cart (one write each).</summary>
    /// <param name="evt">The event.</param>
    public static IReadOnlyList<string> LeftBy(CanonicalEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return evt.Type switch
        {
            EventTypes.OrderPlaced => Keys(evt, EventProperties.OrderId, EventProperties.CartToken),
            EventTypes.CheckoutStarted => Keys(evt, EventProperties.CartToken),
            _ => [],
        };
    }

    /// <summary>The references a contactless event can be found by, most specific first.</summary>
    /// <param name="evt">The event.</param>
    public static IReadOnlyList<string> NamedBy(CanonicalEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return Keys(evt, EventProperties.OrderId, EventProperties.CartToken);
    }

    private static List<string> Keys(CanonicalEvent evt, params string[] properties)
    {
        var keys = new List<string>(properties.Length);
        if (evt.Properties.ValueKind != JsonValueKind.Object)
        {
            return keys;
        }

        foreach (var property in properties)
        {
            if (evt.Properties.TryGetProperty(property, out var value) && Text(value) is { Length: > 0 } text)
            {
                keys.Add($"{evt.Source.ToString().ToLowerInvariant()}:{property}:{text}");
            }
        }

        return keys;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
