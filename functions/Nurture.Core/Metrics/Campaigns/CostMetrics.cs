namespace Nurture.Core.Metrics.Campaigns;

/// <summary>Return on marketing investment and acquisition cost, when costs are configured.</summary>
/// <param name="Cost">Emails × per email + SMS × per SMS + fixed cost.</param>
/// <param name="Revenue">Attributed net revenue.</param>
/// <param name="GrossMargin">The margin applied to revenue.</param>
/// <param name="Romi">(Revenue × margin − cost) / cost; null when the cost is zero.</param>
/// <param name="NewCustomers">Contacts whose first purchase was attributed.</param>
/// <param name="Cac">Cost / new customers; null without new customers.</param>
public sealed record CostMetrics(decimal Cost, decimal Revenue, decimal GrossMargin, double? Romi, int NewCustomers, decimal? Cac);
