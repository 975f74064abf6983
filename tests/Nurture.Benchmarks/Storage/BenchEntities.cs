using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace Nurture.Benchmarks.Storage;

/// <summary>
/// The entity and message shapes both sides write (js/storage-bench.mjs builds the same ones): two strings,
/// an Int32, a Double and a DateTime per entity; a small order event as message text.
/// </summary>
public static class BenchEntities
{
    private static readonly DateTimeOffset BaseTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Padding = new('x', 120);

    /// <summary>The row key of entity <paramref name="i"/>: zero-padded to eight digits.</summary>
    public static string RowKey(int i) => i.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Entity <paramref name="i"/> in the given partition.</summary>
    public static TableEntity Create(string partitionKey, int i) => new(partitionKey, RowKey(i))
    {
        { "Name", "Customer " + i.ToString(CultureInfo.InvariantCulture) },
        { "Email", "customer" + i.ToString(CultureInfo.InvariantCulture) + "@example.com" },
        { "Orders", i % 1000 },
        { "Spent", i + 0.25 },
        { "LastOrderAt", BaseTime.AddMinutes(i) },
    };

    /// <summary>Message text <paramref name="i"/> (Nurture's queue client base64-encodes it on the wire).</summary>
    public static string MessageText(int i) => JsonSerializer.Serialize(new OrderPlaced("order.placed", $"customer{i}@example.com", i, i + 0.25, Padding), OrderPlacedContext.Default.OrderPlaced);
}
