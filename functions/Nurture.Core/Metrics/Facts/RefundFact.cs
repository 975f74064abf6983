namespace Nurture.Core.Metrics.Facts;

/// <summary>Money given back on an order. Refunds reduce the order's revenue whenever they happen.</summary>
/// <param name="RefundId">The platform's refund id (or the event id when it has none): the dedupe key.</param>
/// <param name="OrderId">The order refunded.</param>
/// <param name="RefundedAt">When it was refunded.</param>
/// <param name="Amount">The amount, positive.</param>
public sealed record RefundFact(string RefundId, string OrderId, DateTimeOffset RefundedAt, decimal Amount)
{
    /// <summary>Throws when the fact cannot be used.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrEmpty(RefundId);
        ArgumentException.ThrowIfNullOrEmpty(OrderId);
        if (Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Amount), Amount, $"Refund '{RefundId}' must have a positive amount.");
        }
    }
}
