using Nurture.Core.Events;

namespace Nurture.Core.Ingestion;

/// <summary>
/// One webhook delivery or tracked batch as accepted over HTTP, before it is mapped: what goes on the
/// <c>events-inbound</c> queue. The raw body travels inline (base64) when it fits a queue message, otherwise
/// it is stored first and <see cref="PayloadRef"/> names it (claim check).
/// </summary>
/// <param name="DeliveryId">Unique per accepted delivery; also the claim-check id.</param>
/// <param name="Source">Who sent it.</param>
/// <param name="Topic">The platform's topic (<c>orders/create</c>, <c>order.updated</c>, <c>events</c>, ...).</param>
/// <param name="ReceivedAt">When Nurture accepted it.</param>
/// <param name="Headers">The delivery headers the mappers need (ids, shop, topic, timestamps); never secrets.</param>
/// <param name="Body">The raw body, base64, when it travels inline.</param>
/// <param name="PayloadRef">The stored body's id, when it does not.</param>
public sealed record InboundDelivery(
    string DeliveryId,
    EventSource Source,
    string Topic,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? PayloadRef);
