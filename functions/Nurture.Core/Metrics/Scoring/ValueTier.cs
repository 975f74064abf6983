namespace Nurture.Core.Metrics.Scoring;

/// <summary>A contact's value to the shop, from their net revenue among the shop's buyers. Stored by name: never rename a member.</summary>
public enum ValueTier
{
    /// <summary>Monetary score 1–2 (the lower 40 %).</summary>
    Low,

    /// <summary>Monetary score 3–4.</summary>
    Medium,

    /// <summary>Monetary score 5 (the top 20 %).</summary>
    High,
}
