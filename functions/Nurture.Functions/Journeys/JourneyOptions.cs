using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Settings of the journey runner (section <c>Journeys</c>).</summary>
public sealed class JourneyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Journeys";

    /// <summary>
    /// How long a send attempt keeps its ledger reservation unless it finishes or releases it: after a crash mid-send
    /// the message is resumed (under the same id) once this has passed. Longer than the slowest channel call.
    /// </summary>
    public TimeSpan SendAttemptLease { get; set; } = SendLedger.DefaultAttemptLease;

    /// <summary>
    /// Whether the outbox channel also appends one row per call to <c>NurtureOutboxAttempts</c>, so tests and
    /// operators can count channel calls per message id (the outbox itself keeps one row per id). Off by default.
    /// </summary>
    public bool RecordOutboxAttempts { get; set; }
}
