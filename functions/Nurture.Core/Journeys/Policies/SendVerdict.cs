namespace Nurture.Core.Journeys.Policies;

/// <summary>What the send policy says about a send.</summary>
public enum SendVerdict
{
    /// <summary>Send now.</summary>
    Send,

    /// <summary>Do not send; move on.</summary>
    Skip,

    /// <summary>Send later; never dropped.</summary>
    Defer,
}
