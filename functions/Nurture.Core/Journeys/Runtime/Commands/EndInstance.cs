namespace Nurture.Core.Journeys.Runtime.Commands;

/// <summary>The instance ended: drop it from the live index of its contact.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Status">Completed, exited or cancelled.</param>
/// <param name="Reason">Why.</param>
public sealed record EndInstance(string InstanceId, JourneyStatus Status, string Reason) : JourneyCommand;
