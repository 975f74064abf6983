namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>
/// The orchestration's own durations, passed in its input (an orchestration cannot read settings: it must replay the
/// same way): how sends the channel cannot take are retried, and how many decisions one execution makes.
/// </summary>
/// <param name="FirstSendRetry">The first wait before a send the channel could not take is tried again; it doubles each time.</param>
/// <param name="LongestSendRetry">The longest wait between two tries.</param>
/// <param name="SendRetryLimit">How long a send is tried before it is decided as failed.</param>
/// <param name="DecisionsPerExecution">Decisions one execution makes before it continues as new.</param>
public sealed record JourneyTiming(TimeSpan FirstSendRetry, TimeSpan LongestSendRetry, TimeSpan SendRetryLimit, int DecisionsPerExecution)
{
    /// <summary>Production values: 30 s doubling to an hour, for three days; 50 decisions per execution.</summary>
    public static JourneyTiming Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromDays(3), 50);
}
