namespace Nurture.Storage.Journeys;

/// <summary>What storing a published version did.</summary>
public enum PublishOutcome
{
    /// <summary>The version was stored now.</summary>
    Published,

    /// <summary>The identical document was already stored under this version (a retried publish).</summary>
    AlreadyPublished,
}
