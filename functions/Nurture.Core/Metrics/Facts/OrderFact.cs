namespace Nurture.Core.Metrics.Facts;

/// <summary>An order placed at the shop, as metrics need it.</summary>
/// <param name="OrderId">The platform's order id: the dedupe key.</param>
/// <param name="ContactId">The contact who placed it; null when nobody is known (such orders count for nothing per contact).</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="Total">The order total, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code; null means the shop's currency.</param>
public sealed record OrderFact(string OrderId, string? ContactId, DateTimeOffset PlacedAt, decimal Total, string? Currency = null)
{
    /// <summary>Throws when the fact cannot be used.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrEmpty(OrderId);
        if (Total < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Total), Total, $"Order '{OrderId}' has a negative total.");
        }
    }
}
