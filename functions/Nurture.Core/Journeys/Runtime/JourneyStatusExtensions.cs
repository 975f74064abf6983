namespace Nurture.Core.Journeys.Runtime;

/// <summary>Helpers on <see cref="JourneyStatus"/>.</summary>
public static class JourneyStatusExtensions
{
    /// <summary>Whether the instance has ended for good.</summary>
    /// <param name="status">The status.</param>
    public static bool IsFinished(this JourneyStatus status) =>
        status is JourneyStatus.Completed or JourneyStatus.Exited or JourneyStatus.Cancelled;
}
