namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>What a <see cref="JourneySignal"/> asks of an instance. Stored in Durable history by name: never rename a member.</summary>
public enum JourneySignalKind
{
    /// <summary>An event about the contact arrived (goals, waits).</summary>
    Event,

    /// <summary>Stop moving until resumed.</summary>
    Pause,

    /// <summary>Move on from a pause.</summary>
    Resume,

    /// <summary>End now.</summary>
    Cancel,
}
