using System.Globalization;

namespace Nurture.Core.Metrics.Scoring;

/// <summary>Recency, frequency and monetary scores, each 1 (worst fifth of the shop's buyers) to 5 (best fifth).</summary>
/// <param name="Recency">5 = bought most recently.</param>
/// <param name="Frequency">5 = most purchases.</param>
/// <param name="Monetary">5 = most net revenue.</param>
public readonly record struct RfmScore(int Recency, int Frequency, int Monetary)
{
    /// <summary>The three digits, e.g. <c>545</c>.</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Recency}{Frequency}{Monetary}");
}
