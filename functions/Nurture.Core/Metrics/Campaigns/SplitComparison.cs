using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>A variant (or all variants pooled) against the baseline: uplift in conversion and in revenue per contact.</summary>
/// <param name="Variant">The treatment: a variant, or <c>*</c> for all variants pooled against the holdout.</param>
/// <param name="Baseline">The baseline: <c>holdout</c>, or the first variant by name when there is no holdout.</param>
/// <param name="Conversion">Conversion-rate difference (Newcombe interval).</param>
/// <param name="RevenuePerContact">Revenue-per-contact difference (Welch interval).</param>
public sealed record SplitComparison(string Variant, string Baseline, ProportionComparison Conversion, MeanComparison RevenuePerContact)
{
    /// <summary>The <see cref="Variant"/> of the pooled comparison.</summary>
    public const string AllVariants = "*";
}
