namespace Nurture.Storage.Journeys;

/// <summary>What reserving a message id in the send ledger found.</summary>
public enum ReserveOutcome
{
    /// <summary>First reservation: send it.</summary>
    Reserved,

    /// <summary>
    /// Reserved earlier by an attempt that released it (it failed transiently) or whose lease ran out (it crashed):
    /// send it again under the same message id; the channel dedupes by that id where the provider allows.
    /// </summary>
    Resumed,

    /// <summary>
    /// Another attempt reserved it within the attempt lease and has not finished: it may be talking to the
    /// channel right now. Try again later rather than risk a second send.
    /// </summary>
    InFlight,

    /// <summary>Already sent: do not send again.</summary>
    AlreadySent,

    /// <summary>Already skipped or failed for good: do not send.</summary>
    AlreadyFinished,
}
