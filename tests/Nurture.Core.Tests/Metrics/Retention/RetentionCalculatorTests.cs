using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Retention;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Retention;

public sealed class RetentionCalculatorTests
{
    private static readonly RetentionSettings Settings = new() { ChurnWindow = TimeSpan.FromDays(30) };

    [Fact]
    public void Summary_SeededShop_MatchesHandFigures()
    {
        // Customers A, B, D, E, F; purchases 3 + 1 + 2 + 1 + 1 = 8; net 220 + 150 + 150 + 60 + 40 = 620.
        var summary = Report().Summary;

        Assert.Equal(5, summary.Customers);
        Assert.Equal(8, summary.Orders);
        Assert.Equal(620m, summary.NetRevenue);
        Assert.Equal(50m, summary.Refunded);
        Assert.Equal(1, summary.CancelledOrders);
        Assert.Equal(1, summary.AnonymousOrders);
        Assert.Equal(77.50m, summary.AverageOrderValue);
        Assert.Equal(1.6, summary.OrdersPerCustomer, 12);
        Assert.Equal(0.4, summary.RepeatPurchaseRate, 12);
        Assert.Equal(124.00m, summary.HistoricalClv);
        Assert.Equal(0.2, summary.ChurnedShare, 12); // B: last purchase 70 days ago ≥ 60
    }

    [Fact]
    public void PredictiveClv_ThirtyDayWindow_MatchesTheFormula()
    {
        // Previous window [Jan 30 12:00, Mar 1 12:00): A, D, E. Latest window: A (70), D (30), F (40).
        // r = 1/3 (E did not return); L = min(1/r, 5) = 3; AOV = 140/3 = 46.67; F = 3/3 = 1;
        // CLV = AOV × F × L × margin = 140/3 × 3 × 1 = 140.00.
        var summary = Report().Summary;

        Assert.Equal(1.0 / 3, summary.ChurnRate!.Value, 12);
        var clv = summary.PredictiveClv!;
        Assert.Equal(46.67m, clv.AverageOrderValue);
        Assert.Equal(1.0, clv.PurchasesPerCustomer, 12);
        Assert.Equal(3.0, clv.ExpectedLifetimeWindows, 12);
        Assert.Equal(140.00m, clv.Value);
    }

    [Fact]
    public void PredictiveClv_WithoutAPreviousWindow_IsUnknown()
    {
        var summary = Report(new RetentionSettings { ChurnWindow = TimeSpan.FromDays(365) }).Summary;

        Assert.Null(summary.ChurnRate);
        Assert.Null(summary.PredictiveClv);
    }

    [Fact]
    public void MonthlyCohorts_SeededShop_MatchHandTable()
    {
        var table = Report().Monthly;

        Assert.Equal(["2025-01", "2025-02", "2025-03"], table.Cohorts.Select(c => c.Label));
        var january = table.Cohorts[0];
        Assert.Equal((2, 4, 370m, 1, 0.5), (january.Customers, january.Orders, january.NetRevenue, january.RepeatCustomers, january.RepeatPurchaseRate));
        Assert.Equal((92.50m, 2.0, 185.00m), (january.AverageOrderValue, january.OrdersPerCustomer, january.HistoricalClv));
        Assert.Equal((1, 0.5), (january.ChurnedCustomers, january.ChurnRate));
        Assert.Equal(
            [(0, true, 2, 1.0, 2, 250m, 125.00m), (1, true, 1, 0.5, 1, 50m, 150.00m), (2, false, 1, 0.5, 1, 70m, 185.00m)],
            january.Periods.Select(p => (p.Index, p.Complete, p.ActiveCustomers, p.Retention, p.Orders, p.NetRevenue, p.CumulativeRevenuePerCustomer)));

        var february = table.Cohorts[1];
        Assert.Equal((2, 3, 210m, 70.00m, 0), (february.Customers, february.Orders, february.NetRevenue, february.AverageOrderValue, february.ChurnedCustomers));
        Assert.Equal([(2, 180m), (1, 30m)], february.Periods.Select(p => (p.ActiveCustomers, p.NetRevenue)));
        Assert.Equal([(1, 40m)], table.Cohorts[2].Periods.Select(p => (p.ActiveCustomers, p.NetRevenue)));
    }

    [Fact]
    public void WeeklyCohorts_UseIsoWeeks()
    {
        // A's first purchase, Sunday 5 January 2025, lies in ISO week 2025-W01 (Monday 30 December 2024).
        // 13 weeks later is the report's week; A bought again in weeks 6 (Feb 10) and 9 (Mar 3).
        var weekOne = Report().Weekly.Cohorts[0];

        Assert.Equal("2025-W01", weekOne.Label);
        Assert.Equal(new DateOnly(2024, 12, 30), weekOne.Start);
        Assert.Equal(14, weekOne.Periods.Count);
        Assert.Equal([0, 6, 9], weekOne.Periods.Where(p => p.ActiveCustomers > 0).Select(p => p.Index));
        Assert.False(weekOne.Periods[13].Complete);
        Assert.True(weekOne.Periods[12].Complete);
        Assert.Contains(Report().Weekly.Cohorts, c => c.Label == "2025-W04" && c.Customers == 1);
    }

    [Fact]
    public void Cohorts_FollowTheShopTimeZone()
    {
        // 23:30 UTC on 28 February is already 1 March in Berlin.
        var shop = new ShopFacts();
        shop.Add(new OrderFact("o-h", "contact-H", new DateTimeOffset(2025, 2, 28, 23, 30, 0, TimeSpan.Zero), 10m, "USD"));

        var utc = RetentionCalculator.Compute(shop, T0, new RetentionSettings(), RetentionShop.Thresholds);
        var berlin = RetentionCalculator.Compute(shop, T0, new RetentionSettings { TimeZone = "Europe/Berlin" }, RetentionShop.Thresholds);

        Assert.Equal("2025-02", utc.Monthly.Cohorts.Single().Label);
        Assert.Equal("2025-03", berlin.Monthly.Cohorts.Single().Label);
    }

    [Fact]
    public void Cohorts_OlderThanTheShownLimit_CountOnlyInTheSummary()
    {
        var report = Report(new RetentionSettings { MonthlyCohorts = 2, ChurnWindow = TimeSpan.FromDays(30) });

        Assert.Equal(["2025-02", "2025-03"], report.Monthly.Cohorts.Select(c => c.Label));
        Assert.Equal(5, report.Summary.Customers);
    }

    [Fact]
    public void Compute_ShuffledAndDuplicatedFacts_GiveTheSameReport()
    {
        var expected = MetricsJson.Serialize(Report());
        var shuffled = RetentionShop.Facts.Concat(RetentionShop.Facts.Take(7)).Select((f, i) => (f, i)).OrderBy(p => (p.i * 7) % 17).Select(p => p.f).ToList();

        var again = RetentionCalculator.Compute(RetentionShop.Build(shuffled), T0, Settings, RetentionShop.Thresholds);

        Assert.Equal(expected, MetricsJson.Serialize(again));
    }

    [Fact]
    public void Report_HoldsNoContactId()
    {
        var json = MetricsJson.Serialize(Report());

        Assert.DoesNotContain("contact-", json, StringComparison.Ordinal);
        Assert.Equal(1, Report().OtherCurrencyOrders);
        Assert.Equal("USD", Report().Currency);
    }

    [Fact]
    public void Report_AfterErasure_NoLongerCountsTheContact()
    {
        // Erasure deletes A's orders (and with them their refunds); the next run simply has less to count.
        var erased = RetentionShop.Facts.Where(f => f is not OrderFact { ContactId: "contact-A" } && f is not RefundFact { OrderId: "o-a3" }).ToList();

        var report = RetentionCalculator.Compute(RetentionShop.Build(erased), T0, Settings, RetentionShop.Thresholds);

        Assert.Equal((4, 5, 400m), (report.Summary.Customers, report.Summary.Orders, report.Summary.NetRevenue));
        Assert.Equal((1, 150m), (report.Monthly.Cohorts[0].Customers, report.Monthly.Cohorts[0].NetRevenue));
    }

    [Fact]
    public void Settings_UnknownTimeZone_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => Report(new RetentionSettings { TimeZone = "Mars/Olympus" }));

        Assert.Contains("Metrics:Retention:TimeZone", error.Message, StringComparison.Ordinal);
    }

    private static RetentionReport Report(RetentionSettings? settings = null) =>
        RetentionCalculator.Compute(RetentionShop.Build(), T0, settings ?? Settings, RetentionShop.Thresholds);
}
