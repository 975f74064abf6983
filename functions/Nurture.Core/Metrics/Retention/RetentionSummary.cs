namespace Nurture.Core.Metrics.Retention;

/// <summary>The shop's figures over all identified customers.</summary>
/// <param name="Customers">Contacts with at least one purchase.</param>
/// <param name="Orders">Their purchases (orders not cancelled).</param>
/// <param name="NetRevenue">Their revenue after refunds.</param>
/// <param name="Refunded">Refunds on those purchases.</param>
/// <param name="CancelledOrders">Orders cancelled (left out of everything else).</param>
/// <param name="AnonymousOrders">Purchases nobody is known for (left out of per-customer figures).</param>
/// <param name="AverageOrderValue">Net revenue over purchases.</param>
/// <param name="OrdersPerCustomer">Purchases over customers.</param>
/// <param name="RepeatPurchaseRate">Customers with two or more purchases over customers.</param>
/// <param name="HistoricalClv">Net revenue over customers.</param>
/// <param name="ChurnedShare">Customers whose latest purchase is at least the churned threshold old, over customers.</param>
/// <param name="ChurnRate">Share of the previous window's customers who did not buy in the latest window; null without customers in the previous window.</param>
/// <param name="PredictiveClv">The predictive CLV; null until both windows have customers.</param>
public sealed record RetentionSummary(
    int Customers,
    int Orders,
    decimal NetRevenue,
    decimal Refunded,
    int CancelledOrders,
    int AnonymousOrders,
    decimal AverageOrderValue,
    double OrdersPerCustomer,
    double RepeatPurchaseRate,
    decimal HistoricalClv,
    double ChurnedShare,
    double? ChurnRate,
    ClvEstimate? PredictiveClv);
