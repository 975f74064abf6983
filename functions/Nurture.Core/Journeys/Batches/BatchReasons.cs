namespace Nurture.Core.Journeys.Batches;

/// <summary>Reasons a batch counts a contact as not admitted, besides the entry evaluator's own.</summary>
public static class BatchReasons
{
    /// <summary>A list entry that names no stored contact.</summary>
    public const string NoSuchContact = "no such contact";

    /// <summary>A scanned profile the segment condition does not match.</summary>
    public const string NotInSegment = "not in segment";

    /// <summary>A list entry that resolved to a contact already met on the same page.</summary>
    public const string DuplicateInList = "duplicate in list";

    /// <summary>The journey was paused while the batch ran.</summary>
    public const string JourneyPaused = "journey is paused";
}
