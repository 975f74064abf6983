namespace Nurture.Core.SendTime;

/// <summary>What a canonical event tells the send-time model.</summary>
public enum EvidenceKind
{
    /// <summary>Nothing (not engagement, or a machine open).</summary>
    None,

    /// <summary>The contact engaged on their own: an order, a session, a page view, a search.</summary>
    Engagement,

    /// <summary>The contact engaged with one of our messages: a human open, a click, an SMS reply.</summary>
    Response,

    /// <summary>One of our messages reached the contact: the exposure that responses are discounted by.</summary>
    Delivery,
}
