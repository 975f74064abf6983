using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Orders;
using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Metrics.Retention;

/// <summary>Computes a shop's retention report from its resolved orders: pure, one pass over the purchases per table.</summary>
/// <remarks>
/// A customer belongs to the cohort of the period holding their first purchase (an order not cancelled).
/// Refunds reduce the revenue of the order they refund, in whatever period they happen; orders placed after
/// the report time, and refunds and cancellations after it, are left out, so a past day's report can be
/// recomputed exactly. The same facts always give the same report.
/// </remarks>
public static partial class RetentionCalculator
{
    /// <summary>The report from a shop's facts.</summary>
    /// <param name="facts">The shop's facts.</param>
    /// <param name="asOf">The report time.</param>
    /// <param name="settings">Time zone, cohorts shown, churn window and margin.</param>
    /// <param name="thresholds">The lifecycle thresholds (from the scoring model), for churn.</param>
    /// <param name="currency">The shop's currency; null for the one most orders name.</param>
    public static RetentionReport Compute(ShopFacts facts, DateTimeOffset asOf, RetentionSettings settings, LifecycleThresholds thresholds, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Compute(facts.ResolveOrders(asOf, currency), settings, thresholds);
    }

    /// <summary>The report from resolved orders (share one resolution between the retention and campaign reports).</summary>
    /// <param name="orders">The shop's orders as of the report time.</param>
    /// <param name="settings">Time zone, cohorts shown, churn window and margin.</param>
    /// <param name="thresholds">The lifecycle thresholds (from the scoring model), for churn.</param>
    public static RetentionReport Compute(ResolvedOrders orders, RetentionSettings settings, LifecycleThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(thresholds);
        settings.ThrowIfInvalid();
        var zone = settings.ResolveTimeZone();
        return new RetentionReport(
            orders.AsOf,
            orders.Currency,
            settings.TimeZone,
            thresholds,
            Summarize(orders, settings, thresholds),
            Cohorts(orders, CohortGrain.Week, settings.WeeklyCohorts, zone, thresholds),
            Cohorts(orders, CohortGrain.Month, settings.MonthlyCohorts, zone, thresholds),
            orders.OtherCurrencyOrders,
            orders.UnmatchedRefunds);
    }

    private static RetentionSummary Summarize(ResolvedOrders orders, RetentionSettings settings, LifecycleThresholds thresholds)
    {
        var asOf = orders.AsOf;
        var currentStart = asOf - settings.ChurnWindow;
        var previousStart = currentStart - settings.ChurnWindow;
        int purchases = 0, repeat = 0, churned = 0, previousBuyers = 0, lost = 0, currentBuyers = 0, currentOrders = 0;
        decimal net = 0m, refunded = 0m, currentRevenue = 0m;
        foreach (var contact in orders.ByContact.Values)
        {
            var (inPrevious, inCurrent) = (false, false);
            foreach (var order in contact.Purchases)
            {
                purchases++;
                net += order.NetRevenue;
                refunded += order.Refunded;
                if (order.PlacedAt >= currentStart)
                {
                    inCurrent = true;
                    currentOrders++;
                    currentRevenue += order.NetRevenue;
                }
                else if (order.PlacedAt >= previousStart)
                {
                    inPrevious = true;
                }
            }

            repeat += contact.Purchases.Count >= 2 ? 1 : 0;
            churned += asOf - contact.LastPurchaseAt!.Value >= thresholds.ChurnedAfter ? 1 : 0;
            previousBuyers += inPrevious ? 1 : 0;
            lost += inPrevious && !inCurrent ? 1 : 0;
            currentBuyers += inCurrent ? 1 : 0;
        }

        var (cancelled, anonymous) = (0, 0);
        foreach (var order in orders.Orders)
        {
            cancelled += order.Cancelled ? 1 : 0;
            anonymous += order.IsPurchase && order.ContactId is null ? 1 : 0;
        }

        var customers = orders.ByContact.Count;
        double? churnRate = previousBuyers == 0 ? null : (double)lost / previousBuyers;
        ClvEstimate? clv = null;
        if (churnRate is { } r && currentOrders > 0)
        {
            var lifetime = r == 0 ? settings.MaximumLifetimeWindows : Math.Min(1 / r, settings.MaximumLifetimeWindows);
            clv = new ClvEstimate(
                settings.ChurnWindow.TotalDays,
                Money(currentRevenue / currentOrders),
                (double)currentOrders / currentBuyers,
                r,
                lifetime,
                settings.GrossMargin,
                Money(currentRevenue / currentBuyers * (decimal)lifetime * settings.GrossMargin));
        }

        return new RetentionSummary(
            customers,
            purchases,
            net,
            refunded,
            cancelled,
            anonymous,
            purchases == 0 ? 0m : Money(net / purchases),
            Ratio(purchases, customers),
            Ratio(repeat, customers),
            customers == 0 ? 0m : Money(net / customers),
            Ratio(churned, customers),
            churnRate,
            clv);
    }

    /// <summary>Money ratios are shown to the cent, half to even (as <c>OrderStats.AverageOrderValue</c>).</summary>
    internal static decimal Money(decimal value) => decimal.Round(value, 2, MidpointRounding.ToEven);

    internal static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
