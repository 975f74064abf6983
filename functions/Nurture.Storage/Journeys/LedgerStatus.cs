namespace Nurture.Storage.Journeys;

/// <summary>Where a message is in the send ledger. Stored by name: never rename a member.</summary>
public enum LedgerStatus
{
    /// <summary>Reserved by a runner that is about to hand it to the channel.</summary>
    Reserved,

    /// <summary>Accepted by the channel.</summary>
    Sent,

    /// <summary>Not sent, on purpose.</summary>
    Skipped,

    /// <summary>Rejected by the channel for good.</summary>
    Failed,
}
