namespace Nurture.Core.Metrics.Facts;

/// <summary>An order was cancelled: it no longer counts as a purchase and brings no revenue.</summary>
/// <param name="OrderId">The order: the dedupe key.</param>
/// <param name="CancelledAt">When it was cancelled.</param>
public sealed record CancellationFact(string OrderId, DateTimeOffset CancelledAt)
{
    /// <summary>Throws when the fact cannot be used.</summary>
    public void ThrowIfInvalid() => ArgumentException.ThrowIfNullOrEmpty(OrderId);
}
