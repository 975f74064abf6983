using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>
/// Sends timed by the send-time model against fixed-time control sends, over sends whose observation window
/// has closed. Each rate is per send.
/// </summary>
/// <param name="OptimizedSends">Sends at the optimised time.</param>
/// <param name="ControlSends">Control sends at the fixed time.</param>
/// <param name="PendingSends">Experiment sends whose window is still open.</param>
/// <param name="OpenRate">Human-opened over emails sent; null without email sends on both sides.</param>
/// <param name="ClickRate">Clicked over sent.</param>
/// <param name="ConversionRate">Sends with an attributed order over sent.</param>
public sealed record SendTimeExperiment(
    int OptimizedSends,
    int ControlSends,
    int PendingSends,
    ProportionComparison? OpenRate,
    ProportionComparison ClickRate,
    ProportionComparison ConversionRate);
