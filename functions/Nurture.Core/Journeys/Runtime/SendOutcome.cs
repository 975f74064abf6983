namespace Nurture.Core.Journeys.Runtime;

/// <summary>What the channel did with a message. Stored by name: never rename a member.</summary>
public enum SendOutcome
{
    /// <summary>Accepted by the channel.</summary>
    Sent,

    /// <summary>The ledger already had this message id; nothing was sent again.</summary>
    Duplicate,

    /// <summary>Rejected for good (bad address, 4xx).</summary>
    Failed,

    /// <summary>Delivered to the recipient.</summary>
    Delivered,

    /// <summary>Bounced.</summary>
    Bounced,
}
