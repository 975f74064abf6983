using System.Globalization;
using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Tests.Reports;

/// <summary>
/// A small shop seeded through the event store (both the timeline and the day partitions), with figures computed by
/// hand. Months are calendar months in UTC: <see cref="M0"/> is the first of the month three months before now.
/// </summary>
/// <remarks>
/// alice: 100 in M0; 50 in M1, 20 of it refunded two days later. bob: 80 in M0; 30 in M1, cancelled the next day.
/// carol: 60 in M1. So 3 customers, 4 purchases, net revenue 270, refunded 20, one cancelled order; cohort M0 has
/// alice and bob (210 net, 3 purchases, alice repeats), cohort M1 has carol.
/// </remarks>
internal sealed class SeededShop(EventStore events)
{
    /// <summary>The first of the month three months before now (UTC).</summary>
    public static DateTimeOffset M0 { get; } = new DateTimeOffset(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-3);

    /// <summary>The month after <see cref="M0"/>.</summary>
    public static DateTimeOffset M1 { get; } = M0.AddMonths(1);

    /// <summary>A cohort label of a month, as the report writes it.</summary>
    public static string MonthLabel(DateTimeOffset month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Stores the shop's events.</summary>
    public async Task SeedAsync()
    {
        await OrderAsync("alice", "A1", M0.AddDays(2), 100m);
        await OrderAsync("alice", "A2", M1.AddDays(3), 50m);
        await RefundAsync("alice", "A2", "R1", M1.AddDays(5), 20m);
        await OrderAsync("bob", "B1", M0.AddDays(4), 80m);
        await OrderAsync("bob", "B2/x#1", M1.AddDays(10), 30m);
        await CancelAsync("bob", "B2/x#1", M1.AddDays(11));
        await OrderAsync("carol", "C1", M1.AddDays(6), 60m);
        await AppendAsync("carol", "product_viewed", M1.AddDays(6), new { productId = "p1" });
    }

    /// <summary>Stores an order.</summary>
    public Task OrderAsync(string contactId, string orderId, DateTimeOffset at, decimal total) =>
        AppendAsync(contactId, EventTypes.OrderPlaced, at, new Dictionary<string, object> { [EventProperties.OrderId] = orderId, [EventProperties.Total] = total, [EventProperties.Currency] = "EUR" });

    private Task RefundAsync(string contactId, string orderId, string refundId, DateTimeOffset at, decimal amount) =>
        AppendAsync(contactId, EventTypes.RefundCreated, at, new Dictionary<string, object> { [EventProperties.OrderId] = orderId, [EventProperties.RefundId] = refundId, [EventProperties.RefundAmount] = amount });

    private Task CancelAsync(string contactId, string orderId, DateTimeOffset at) =>
        AppendAsync(contactId, EventTypes.OrderCancelled, at, new Dictionary<string, object> { [EventProperties.OrderId] = orderId });

    private Task AppendAsync(string contactId, string type, DateTimeOffset at, object properties)
    {
        var id = $"{type}-{contactId}-{at.UtcTicks}";
        var evt = new CanonicalEvent(id, type, EventSource.Shopify, id, at, new ContactIdentity(ContactId: contactId), JsonSerializer.SerializeToElement(properties));
        return events.AppendAsync(contactId, evt);
    }
}
