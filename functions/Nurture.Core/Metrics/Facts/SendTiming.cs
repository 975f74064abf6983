namespace Nurture.Core.Metrics.Facts;

/// <summary>How a send's time was chosen, for the send-time experiment. Stored by name: never rename a member.</summary>
public enum SendTiming
{
    /// <summary>Not part of the experiment (sent at once, or the step has no best-time window).</summary>
    NotInExperiment,

    /// <summary>Sent at the time the send-time model chose.</summary>
    Optimized,

    /// <summary>The experiment's control: sent at the step's fixed time although it could have been optimised.</summary>
    FixedTimeControl,
}
