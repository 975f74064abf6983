namespace Nurture.Core.SendTime;

/// <summary>
/// Which arm of the send-time experiment a send is in, recorded on the send so campaign metrics can report
/// the uplift of optimised timing. It is the assignment (a stable hash of the message id), whether or not it
/// moved the send.
/// </summary>
public enum SendTimeArm
{
    /// <summary>Sent at the best slot the advisor found.</summary>
    Optimized,

    /// <summary>In the exploration share: sent at a good slot drawn at random, so the model keeps learning.</summary>
    Explored,

    /// <summary>In the step's holdout: sent at the plain time, as if the step had no best-time option.</summary>
    Holdout,
}
