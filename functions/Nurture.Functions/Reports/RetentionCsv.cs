using System.Globalization;
using System.Text;
using Nurture.Core.Metrics.Retention;

namespace Nurture.Functions.Reports;

/// <summary>The retention report as CSV: one line per cohort and period, weekly cohorts first, invariant numbers.</summary>
public static class RetentionCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "grain,cohort,cohort_start,customers,period,period_start,complete,active_customers,retention,orders,net_revenue,cumulative_revenue_per_customer";

    /// <summary>The report's cohort tables as CSV (RFC 4180 line ends).</summary>
    public static string Write(RetentionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var table in new[] { report.Weekly, report.Monthly })
        {
            var grain = table.Grain == CohortGrain.Week ? "week" : "month";
            foreach (var cohort in table.Cohorts)
            {
                foreach (var cell in cohort.Periods)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{grain},{cohort.Label},{cohort.Start:yyyy-MM-dd},{cohort.Customers},{cell.Index},{cell.Start:yyyy-MM-dd},{(cell.Complete ? "true" : "false")},{cell.ActiveCustomers},{cell.Retention:R},{cell.Orders},{cell.NetRevenue:0.##},{cell.CumulativeRevenuePerCustomer:0.##}")
                        .Append("\r\n");
                }
            }
        }

        return csv.ToString();
    }
}
