using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Scoring;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Retention;

/// <summary>
/// A small seeded shop, report time <see cref="MetricsFixtures.T0"/> (Monday 31 March 2025, 12:00 UTC):
/// <code>
/// A  Jan 5 100, Feb 10 50, Mar 3 70   (an order on Apr 2 and a refund on Apr 5 come after the report time)
/// B  Jan 20 200, refunded 50 on Feb 1
/// C  Jan 25 80, cancelled Jan 26      (no purchase: not a customer)
/// D  Feb 14 120, Mar 20 30
/// E  Feb 28 60
/// F  Mar 15 40
/// G  Mar 2 500 EUR                     (another currency: left out)
/// -  Mar 1 99, nobody known            (anonymous)
/// </code>
/// </summary>
internal static class RetentionShop
{
    public static readonly LifecycleThresholds Thresholds = new(TimeSpan.FromDays(20), CycleSource.Configured, 0, TimeSpan.FromDays(40), TimeSpan.FromDays(60), 3);

    public static IReadOnlyList<object> Facts { get; } =
    [
        Order("o-a1", "contact-A", 2025, 1, 5, 100m),
        Order("o-a2", "contact-A", 2025, 2, 10, 50m),
        Order("o-a3", "contact-A", 2025, 3, 3, 70m),
        Order("o-a4", "contact-A", 2025, 4, 2, 999m),
        new RefundFact("r-a3", "o-a3", T0.AddDays(5), 20m),
        Order("o-b1", "contact-B", 2025, 1, 20, 200m),
        new RefundFact("r-b1", "o-b1", new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero), 50m),
        Order("o-c1", "contact-C", 2025, 1, 25, 80m),
        new CancellationFact("o-c1", new DateTimeOffset(2025, 1, 26, 9, 0, 0, TimeSpan.Zero)),
        Order("o-d1", "contact-D", 2025, 2, 14, 120m),
        Order("o-d2", "contact-D", 2025, 3, 20, 30m),
        Order("o-e1", "contact-E", 2025, 2, 28, 60m),
        Order("o-f1", "contact-F", 2025, 3, 15, 40m),
        Order("o-g1", "contact-G", 2025, 3, 2, 500m, "EUR"),
        Order("o-x1", null, 2025, 3, 1, 99m),
    ];

    public static ShopFacts Build(IEnumerable<object>? facts = null)
    {
        var shop = new ShopFacts();
        foreach (var fact in facts ?? Facts)
        {
            _ = fact switch
            {
                OrderFact order => shop.Add(order),
                RefundFact refund => shop.Add(refund),
                CancellationFact cancellation => shop.Add(cancellation),
                _ => throw new ArgumentException("not an order fact", nameof(facts)),
            };
        }

        return shop;
    }

    public static OrderFact Order(string id, string? contact, int year, int month, int day, decimal total, string currency = "USD") =>
        new(id, contact, new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero), total, currency);
}
