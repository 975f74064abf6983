namespace Nurture.Storage.Journeys;

/// <summary>What reserving a message id in the send ledger found.</summary>
public enum ReserveOutcome
{
    /// <summary>First reservation: send it.</summary>
    Reserved,

    /// <summary>
    /// Reserved earlier by an attempt that never recorded an outcome (it crashed or failed transiently): send it
    /// again under the same message id; the channel dedupes by that id.
    /// </summary>
    Resumed,

    /// <summary>Already sent: do not send again.</summary>
    AlreadySent,

    /// <summary>Already skipped or failed for good: do not send.</summary>
    AlreadyFinished,
}
