namespace Nurture.Functions.Reports;

/// <summary>The stored reports' row keys: stored values, never renamed.</summary>
public static class ReportKinds
{
    /// <summary>The retention report (<c>ComputeRetention</c>).</summary>
    public const string Retention = "retention";

    /// <summary>The lifecycle and RFM distribution (<c>ScoreContacts</c>), a <c>LifecycleReport</c>.</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>The journey funnels, uplift and send-time experiment (<c>ComputeCampaignMetrics</c>), a <c>CampaignReport</c>.</summary>
    public const string Campaigns = "campaigns";

    /// <summary>The scoring model <c>ScoreContacts</c> scores against (shop-wide cuts and thresholds, no contact), a <c>ScoringModel</c>.</summary>
    public const string ScoringModel = "scoring_model";
}
