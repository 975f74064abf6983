using Nurture.Core.Metrics.Facts;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>What became of one send: feedback flags (each at most once) and the orders attributed to it.</summary>
internal sealed class MessageOutcome(SendFact send)
{
    public SendFact Send { get; } = send;

    public bool Delivered { get; set; }

    public bool HumanOpened { get; set; }

    public bool MachineOpened { get; set; }

    public bool Clicked { get; set; }

    public bool Unsubscribed { get; set; }

    public bool Bounced { get; set; }

    public bool SpamReported { get; set; }

    public int Conversions { get; set; }

    public decimal Revenue { get; set; }

    /// <summary>Whether an attributed order was the contact's first purchase ever.</summary>
    public bool AcquiredCustomer { get; set; }

    public bool Converted => Conversions > 0;
}
