namespace Nurture.Core.Metrics.Scoring;

/// <summary>How much a contact spends, from order size and total spend. Stored by name: never rename a member.</summary>
public enum SpendingPower
{
    /// <summary>Order-value score plus monetary score at most 4.</summary>
    Low,

    /// <summary>Order-value score plus monetary score 5 to 7.</summary>
    Medium,

    /// <summary>Order-value score plus monetary score 8 or more.</summary>
    High,
}
