namespace Nurture.Core.Metrics.Scoring;

/// <summary>A contact's stored scoring state: the score, and the purchases it was computed from.</summary>
/// <remarks>
/// Keeping the summary lets a contact that is only due for ageing (its <see cref="ContactScore.RescoreAt"/> has
/// come) be rescored without reading its orders again, and gives the lifecycle report each segment's net revenue.
/// </remarks>
/// <param name="Score">The score.</param>
/// <param name="Summary">The purchases it was computed from.</param>
/// <param name="RescoreAt">When time alone changes the portrait (score or interests); null when only new data can.</param>
public sealed record ScoredContact(ContactScore Score, CustomerSummary Summary, DateTimeOffset? RescoreAt)
{
    /// <summary>The contact.</summary>
    public string ContactId => Score.ContactId;

    /// <summary>Whether time alone changes the contact by <paramref name="now"/>.</summary>
    /// <param name="now">The run time.</param>
    public bool IsDue(DateTimeOffset now) => RescoreAt is { } at && at <= now;
}
