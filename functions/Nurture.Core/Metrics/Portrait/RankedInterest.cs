namespace Nurture.Core.Metrics.Portrait;

/// <summary>A category or product with the contact's decayed interest score.</summary>
/// <param name="Value">The category (lowercased) or product id.</param>
/// <param name="Score">Sum of action weights, each halved per half-life of age (rounded to 4 decimals).</param>
public sealed record RankedInterest(string Value, double Score);
