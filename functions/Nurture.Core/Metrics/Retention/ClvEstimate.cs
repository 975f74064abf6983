namespace Nurture.Core.Metrics.Retention;

/// <summary>
/// A simple predictive customer lifetime value: value per window × margin × expected lifetime in windows,
/// CLV = AOV × F × m × min(1 / r, L_max).
/// </summary>
/// <param name="WindowDays">The window W in days.</param>
/// <param name="AverageOrderValue">AOV: net revenue per purchase in the latest window.</param>
/// <param name="PurchasesPerCustomer">F: purchases per buying customer in the latest window.</param>
/// <param name="ChurnRate">r: share of the previous window's customers who did not buy in the latest one.</param>
/// <param name="ExpectedLifetimeWindows">min(1 / r, the cap): how many windows a customer stays, on average.</param>
/// <param name="GrossMargin">m.</param>
/// <param name="Value">The predicted value of a customer over their lifetime.</param>
public sealed record ClvEstimate(
    double WindowDays,
    decimal AverageOrderValue,
    double PurchasesPerCustomer,
    double ChurnRate,
    double ExpectedLifetimeWindows,
    decimal GrossMargin,
    decimal Value);
