namespace Nurture.Core.Journeys.Batches;

/// <summary>Where a batch start's contacts come from.</summary>
public enum BatchSource
{
    /// <summary>A list of contact ids, emails or phone numbers given with the request.</summary>
    List,

    /// <summary>Every stored profile matching a condition on <c>contact.</c> fields.</summary>
    Segment,
}
