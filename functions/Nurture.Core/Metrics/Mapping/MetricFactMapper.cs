using Nurture.Core.Events;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Profiles;

namespace Nurture.Core.Metrics.Mapping;

/// <summary>
/// Turns canonical events into metric facts: pure, and tolerant like the profile reducer (an event that
/// lacks what a fact needs yields no fact rather than an error). The table in the README lists every rule.
/// </summary>
public static partial class MetricFactMapper
{
    /// <summary>The <c>customArgs</c> member SendGrid echoes with our message id (the sender must set it).</summary>
    public const string MessageIdArgument = EventProperties.MessageId;

    /// <summary>Adds whatever facts one event yields (order, refund, cancellation, feedback, interests) to a shop's facts.</summary>
    /// <param name="facts">The shop's facts.</param>
    /// <param name="evt">The event.</param>
    /// <param name="contactId">The contact identity resolution linked it to; null when none.</param>
    /// <param name="ledgerMessageId">Our message id found in the send ledger by the provider's id, when the event does not carry ours (Twilio).</param>
    /// <returns>How many new facts were added.</returns>
    public static int AddTo(ShopFacts facts, CanonicalEvent evt, string? contactId, string? ledgerMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(evt);
        var added = 0;
        if (Order(evt, contactId) is { } order && facts.Add(order))
        {
            added++;
        }

        if (Refund(evt) is { } refund && facts.Add(refund))
        {
            added++;
        }

        if (Cancellation(evt) is { } cancellation && facts.Add(cancellation))
        {
            added++;
        }

        if (Feedback(evt, contactId, ledgerMessageId) is { } feedback && facts.Add(feedback))
        {
            added++;
        }

        if (contactId is { Length: > 0 })
        {
            foreach (var signal in Interests(evt))
            {
                added += facts.Add(contactId, signal) ? 1 : 0;
            }
        }

        return added;
    }

    /// <summary><c>order.placed</c> with an order id and a total (not negative) → an order; anything else → null.</summary>
    /// <param name="evt">The event.</param>
    /// <param name="contactId">The resolved contact, if any.</param>
    public static OrderFact? Order(CanonicalEvent evt, string? contactId)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.Type != EventTypes.OrderPlaced
            || EventJson.String(evt.Properties, EventProperties.OrderId) is not { Length: > 0 } orderId
            || EventJson.Decimal(evt.Properties, EventProperties.Total) is not { } total
            || total < 0)
        {
            return null;
        }

        return new OrderFact(orderId, string.IsNullOrEmpty(contactId) ? null : contactId, evt.OccurredAt, total, EventJson.String(evt.Properties, EventProperties.Currency));
    }

    /// <summary><c>refund.created</c> with an order id and a positive amount → a refund (id: the refund id, else the event id).</summary>
    /// <param name="evt">The event.</param>
    public static RefundFact? Refund(CanonicalEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.Type != EventTypes.RefundCreated
            || EventJson.String(evt.Properties, EventProperties.OrderId) is not { Length: > 0 } orderId
            || EventJson.Decimal(evt.Properties, EventProperties.RefundAmount) is not { } amount
            || amount <= 0)
        {
            return null;
        }

        var refundId = EventJson.String(evt.Properties, EventProperties.RefundId) is { Length: > 0 } id ? id : evt.EventId;
        return new RefundFact(refundId, orderId, evt.OccurredAt, amount);
    }

    /// <summary><c>order.cancelled</c> with an order id → a cancellation.</summary>
    /// <param name="evt">The event.</param>
    public static CancellationFact? Cancellation(CanonicalEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return evt.Type == EventTypes.OrderCancelled && EventJson.String(evt.Properties, EventProperties.OrderId) is { Length: > 0 } orderId
            ? new CancellationFact(orderId, evt.OccurredAt)
            : null;
    }

    /// <summary>The interest signals of a product view, an add to cart or an order's lines.</summary>
    /// <param name="evt">The event.</param>
    public static IEnumerable<InterestSignal> Interests(CanonicalEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var action = evt.Type switch
        {
            EventTypes.ProductViewed => InterestAction.Viewed,
            EventTypes.AddedToCart => InterestAction.AddedToCart,
            EventTypes.OrderPlaced => InterestAction.Purchased,
            _ => (InterestAction?)null,
        };
        if (action is not { } known)
        {
            return [];
        }

        var signals = new List<InterestSignal>();
        if (known == InterestAction.Purchased)
        {
            var index = 0;
            foreach (var line in EventJson.Array(evt.Properties, EventProperties.LineItems))
            {
                AddSignals(signals, line, $"{evt.EventId}:{index++}", known, evt.OccurredAt);
            }
        }
        else
        {
            AddSignals(signals, evt.Properties, evt.EventId, known, evt.OccurredAt);
        }

        return signals;
    }

    private static void AddSignals(List<InterestSignal> signals, System.Text.Json.JsonElement element, string id, InterestAction action, DateTimeOffset at)
    {
        if (EventJson.String(element, EventProperties.ProductId) is { Length: > 0 and <= 128 } product)
        {
            signals.Add(new InterestSignal(id + ":product", InterestKind.Product, product, action, at));
        }

        if (EventJson.String(element, EventProperties.Category) is { Length: > 0 and <= 256 } category && !string.IsNullOrWhiteSpace(category))
        {
            signals.Add(new InterestSignal(id + ":category", InterestKind.Category, category.Trim(), action, at));
        }
    }
}
