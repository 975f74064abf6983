namespace Nurture.Core.Metrics.Scoring;

/// <summary>A contact moved from one lifecycle stage to another; the lead turns it into an event journeys can start on.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="From">The stored stage; null the first time the contact is scored.</param>
/// <param name="To">The new stage.</param>
/// <param name="ChangedAt">When the new stage began (<see cref="ContactScore.StageSince"/>, else the scoring time).</param>
public sealed record StageChange(string ContactId, LifecycleStage? From, LifecycleStage To, DateTimeOffset ChangedAt)
{
    /// <summary>The canonical event type for a stage change (source Nurture).</summary>
    public const string EventType = "lifecycle.stage_changed";

    /// <summary>Event property: the previous stage's name (absent the first time).</summary>
    public const string FromProperty = "fromStage";

    /// <summary>Event property: the new stage's name.</summary>
    public const string ToProperty = "toStage";

    /// <summary>
    /// The event's idempotency key: contact, both stages and the change time, so re-running a day's scoring
    /// yields the same event and a later return to the same stage a new one.
    /// </summary>
    public string IdempotencyKey =>
        $"{ContactId}:{(From is { } from ? MetricNames.Of(from) : "none")}>{MetricNames.Of(To)}@{ChangedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}";

    /// <summary>The change between a stored score and a new one; null when the stage is the same.</summary>
    /// <param name="previous">The stored score, null the first time.</param>
    /// <param name="current">The new score.</param>
    public static StageChange? Detect(ContactScore? previous, ContactScore current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is not null && previous.Stage == current.Stage)
        {
            return null;
        }

        return new StageChange(current.ContactId, previous?.Stage, current.Stage, current.StageSince ?? current.ScoredAt);
    }
}
