using Nurture.Functions.Journeys.Orchestration;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Settings of journeys (section <c>Journeys</c>).</summary>
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

    /// <summary>The first wait before a send the channel could not take is tried again (doubling each time).</summary>
    public TimeSpan FirstSendRetry { get; set; } = JourneyTiming.Default.FirstSendRetry;

    /// <summary>The longest wait between two tries of a send.</summary>
    public TimeSpan LongestSendRetry { get; set; } = JourneyTiming.Default.LongestSendRetry;

    /// <summary>How long a send is tried before it is recorded as failed: a provider outage longer than this is a failure.</summary>
    public TimeSpan SendRetryLimit { get; set; } = JourneyTiming.Default.SendRetryLimit;

    /// <summary>Decisions one execution of an instance makes before it continues as new (bounds its Durable history).</summary>
    public int DecisionsPerExecution { get; set; } = JourneyTiming.Default.DecisionsPerExecution;

    /// <summary>These settings as the orchestration's input.</summary>
    public JourneyTiming ToTiming() => new(FirstSendRetry, LongestSendRetry, SendRetryLimit, DecisionsPerExecution);
}
