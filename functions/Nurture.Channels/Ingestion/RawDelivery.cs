namespace Nurture.Channels.Ingestion;

/// <summary>A delivery as accepted over HTTP, before mapping: what a mapper reads.</summary>
/// <param name="Topic">The platform's topic (<c>orders/create</c>, <c>order.updated</c>, <c>store/order/created</c>, <c>status</c>, ...).</param>
/// <param name="Headers">The delivery headers; looked up case-insensitively.</param>
/// <param name="Body">The raw body bytes.</param>
/// <param name="ReceivedAt">When Nurture accepted it (from the caller's clock; mappers never read one).</param>
public sealed record RawDelivery(string Topic, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt)
{
    /// <summary>A header's value, or null; names compare case-insensitively.</summary>
    public string? Header(string name)
    {
        if (Headers.TryGetValue(name, out var direct))
        {
            return direct;
        }

        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
