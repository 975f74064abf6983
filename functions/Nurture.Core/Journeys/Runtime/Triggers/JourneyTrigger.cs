using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>Something that asks an instance to move. Carries the decision time, so the decider never reads a clock.</summary>
/// <param name="Now">The decision time.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StartTrigger), "start")]
[JsonDerivedType(typeof(WakeUpTrigger), "wake_up")]
[JsonDerivedType(typeof(EventArrivedTrigger), "event_arrived")]
[JsonDerivedType(typeof(SendResultTrigger), "send_result")]
[JsonDerivedType(typeof(CancelTrigger), "cancel")]
[JsonDerivedType(typeof(PauseTrigger), "pause")]
[JsonDerivedType(typeof(ResumeTrigger), "resume")]
[JsonDerivedType(typeof(NudgeTrigger), "nudge")]
public abstract record JourneyTrigger(DateTimeOffset Now);
