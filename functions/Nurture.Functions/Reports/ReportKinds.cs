namespace Nurture.Functions.Reports;

/// <summary>The stored reports' row keys: stored values, never renamed.</summary>
public static class ReportKinds
{
    /// <summary>The retention report (<c>ComputeRetention</c>).</summary>
    public const string Retention = "retention";
}
