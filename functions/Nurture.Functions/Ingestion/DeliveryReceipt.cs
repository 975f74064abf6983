namespace Nurture.Functions.Ingestion;

/// <summary>The 202 answer to a delivery.</summary>
/// <param name="DeliveryId">Nurture's id for the delivery.</param>
/// <param name="Status"><c>accepted</c> or <c>ignored</c>.</param>
/// <param name="Events">How many events it carries.</param>
/// <param name="Reason">Why it was ignored.</param>
public sealed record DeliveryReceipt(string DeliveryId, string Status, int Events, string? Reason);
