using System.Text.Json.Serialization;

namespace Nurture.Benchmarks.Storage;

/// <summary>Source-generated serialization for <see cref="OrderPlaced"/>.</summary>
[JsonSerializable(typeof(OrderPlaced))]
internal sealed partial class OrderPlacedContext : JsonSerializerContext;
