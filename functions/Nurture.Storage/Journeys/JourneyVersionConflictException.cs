namespace Nurture.Storage.Journeys;

/// <summary>A different document was offered for a journey version that is already published (published versions never change).</summary>
public sealed class JourneyVersionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version already published.</param>
    public JourneyVersionConflictException(string journeyId, int version)
        : base($"Journey '{journeyId}' version {version} is already published with a different document; publish a new version instead.")
    {
        JourneyId = journeyId;
        Version = version;
    }

    /// <summary>The journey.</summary>
    public string JourneyId { get; }

    /// <summary>The version.</summary>
    public int Version { get; }
}
