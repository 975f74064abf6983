using System.Text;
using Nurture.Channels.Ingestion;

namespace Nurture.Channels.Tests.Infrastructure;

/// <summary>Reads payload fixtures and wraps them as deliveries.</summary>
internal static class Fixture
{
    public static readonly DateTimeOffset ReceivedAt = new(2025, 3, 20, 12, 0, 0, TimeSpan.Zero);

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static RawDelivery Delivery(string topic, byte[] body, params (string Name, string Value)[] headers) =>
        new(topic, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.Ordinal), body, ReceivedAt);

    public static RawDelivery Delivery(string topic, string body, params (string Name, string Value)[] headers) =>
        Delivery(topic, Encoding.UTF8.GetBytes(body), headers);

    public static RawDelivery FromFile(string topic, string relativePath, params (string Name, string Value)[] headers) =>
        Delivery(topic, Bytes(relativePath), headers);
}
