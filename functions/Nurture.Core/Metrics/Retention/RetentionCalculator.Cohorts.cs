using Nurture.Core.Metrics.Orders;
using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Metrics.Retention;

public static partial class RetentionCalculator
{
    private static CohortTable Cohorts(ResolvedOrders orders, CohortGrain grain, int shown, TimeZoneInfo zone, LifecycleThresholds thresholds)
    {
        var asOf = orders.AsOf;
        var current = CohortPeriods.StartOf(asOf, grain, zone);
        var firstShown = CohortPeriods.Add(current, -(shown - 1), grain);
        var cohorts = new Dictionary<DateOnly, Cohort>();
        foreach (var contact in orders.ByContact.Values)
        {
            var start = CohortPeriods.StartOf(contact.FirstPurchaseAt!.Value, grain, zone);
            if (start < firstShown)
            {
                continue;
            }

            if (!cohorts.TryGetValue(start, out var cohort))
            {
                cohort = new Cohort(start, CohortPeriods.Index(start, current, grain) + 1);
                cohorts.Add(start, cohort);
            }

            cohort.Add(contact, grain, zone, asOf - contact.LastPurchaseAt!.Value >= thresholds.ChurnedAfter);
        }

        var rows = new List<CohortRow>(cohorts.Count);
        foreach (var cohort in cohorts.Values)
        {
            rows.Add(cohort.ToRow(grain, zone, asOf));
        }

        rows.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return new CohortTable(grain, rows);
    }

    private sealed class Cohort(DateOnly start, int periods)
    {
        private readonly int[] _active = new int[periods];
        private readonly int[] _orders = new int[periods];
        private readonly decimal[] _revenue = new decimal[periods];
        private int _customers;
        private int _repeat;
        private int _churned;

        public void Add(ContactOrders contact, CohortGrain grain, TimeZoneInfo zone, bool churned)
        {
            _customers++;
            _repeat += contact.Purchases.Count >= 2 ? 1 : 0;
            _churned += churned ? 1 : 0;
            var lastIndex = -1;
            foreach (var order in contact.Purchases)
            {
                // Purchases come oldest first, so a contact's indexes never go down: count each period once.
                var index = Math.Min(CohortPeriods.Index(start, CohortPeriods.StartOf(order.PlacedAt, grain, zone), grain), periods - 1);
                _orders[index]++;
                _revenue[index] += order.NetRevenue;
                if (index != lastIndex)
                {
                    _active[index]++;
                    lastIndex = index;
                }
            }
        }

        public CohortRow ToRow(CohortGrain grain, TimeZoneInfo zone, DateTimeOffset asOf)
        {
            var cells = new RetentionCell[periods];
            var (orders, revenue) = (0, 0m);
            for (var i = 0; i < periods; i++)
            {
                orders += _orders[i];
                revenue += _revenue[i];
                var periodStart = CohortPeriods.Add(start, i, grain);
                cells[i] = new RetentionCell(
                    i,
                    periodStart,
                    CohortPeriods.Instant(CohortPeriods.Add(periodStart, 1, grain), zone) <= asOf,
                    _active[i],
                    Ratio(_active[i], _customers),
                    _orders[i],
                    _revenue[i],
                    Money(revenue / _customers));
            }

            return new CohortRow(
                CohortPeriods.Label(start, grain),
                start,
                _customers,
                orders,
                revenue,
                _repeat,
                Ratio(_repeat, _customers),
                orders == 0 ? 0m : Money(revenue / orders),
                Ratio(orders, _customers),
                Money(revenue / _customers),
                _churned,
                Ratio(_churned, _customers),
                cells);
        }
    }
}
