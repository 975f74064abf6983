namespace Nurture.Functions.Ingestion;

/// <summary>The 202 answer to a delivery.</summary>
/// <param name="DeliveryId">Nurture's id for the delivery.</param>
/// <param name="Status">Accepted or ignored.</param>
/// <param name="Events">How many events it carries.</param>
/// <param name="Reason">Why it was ignored; left out when accepted.</param>
public sealed record DeliveryReceipt(string DeliveryId, DeliveryStatus Status, int Events, string? Reason);
