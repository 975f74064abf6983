namespace Nurture.Core.Metrics.Retention;

/// <summary>One period of a cohort: who bought again in it.</summary>
/// <param name="Index">Periods since the cohort's own (0 = the cohort period itself).</param>
/// <param name="Start">The period's first local day.</param>
/// <param name="Complete">Whether the period had ended by the report time.</param>
/// <param name="ActiveCustomers">Cohort customers with a purchase in the period.</param>
/// <param name="Retention">Active customers over the cohort's customers (1 in period 0).</param>
/// <param name="Orders">Purchases in the period.</param>
/// <param name="NetRevenue">Their revenue after refunds.</param>
/// <param name="CumulativeRevenuePerCustomer">Net revenue of periods 0 to this one over the cohort's customers (the cohort's CLV curve).</param>
public sealed record RetentionCell(
    int Index,
    DateOnly Start,
    bool Complete,
    int ActiveCustomers,
    double Retention,
    int Orders,
    decimal NetRevenue,
    decimal CumulativeRevenuePerCustomer);
