using System.Text.Json.Serialization;

namespace Nurture.Benchmarks.Storage;

/// <summary>The benchmark's queue message body: a small order event, padded to a typical size.</summary>
/// <param name="Type">Event type.</param>
/// <param name="Contact">Contact key.</param>
/// <param name="OrderId">Order number.</param>
/// <param name="Total">Order total.</param>
/// <param name="Padding">Filler standing in for the rest of a real payload.</param>
public sealed record OrderPlaced(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("orderId")] int OrderId,
    [property: JsonPropertyName("total")] double Total,
    [property: JsonPropertyName("padding")] string Padding);
