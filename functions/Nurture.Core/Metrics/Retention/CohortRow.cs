namespace Nurture.Core.Metrics.Retention;

/// <summary>Customers whose first purchase fell in one period, and what they did since.</summary>
/// <param name="Label">The cohort's period (<c>2025-W03</c>, <c>2025-03</c>).</param>
/// <param name="Start">The period's first local day.</param>
/// <param name="Customers">Customers in the cohort.</param>
/// <param name="Orders">Their purchases so far.</param>
/// <param name="NetRevenue">Their revenue so far, after refunds.</param>
/// <param name="RepeatCustomers">Customers with two or more purchases.</param>
/// <param name="RepeatPurchaseRate">Repeat customers over customers.</param>
/// <param name="AverageOrderValue">Net revenue over purchases.</param>
/// <param name="OrdersPerCustomer">Purchases over customers (order frequency).</param>
/// <param name="HistoricalClv">Net revenue over customers.</param>
/// <param name="ChurnedCustomers">Customers whose latest purchase is at least the churned threshold old.</param>
/// <param name="ChurnRate">Churned customers over customers.</param>
/// <param name="Periods">Period 0 up to the period holding the report time.</param>
public sealed record CohortRow(
    string Label,
    DateOnly Start,
    int Customers,
    int Orders,
    decimal NetRevenue,
    int RepeatCustomers,
    double RepeatPurchaseRate,
    decimal AverageOrderValue,
    double OrdersPerCustomer,
    decimal HistoricalClv,
    int ChurnedCustomers,
    double ChurnRate,
    IReadOnlyList<RetentionCell> Periods);
