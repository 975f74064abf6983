using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Runtime.Commands;

/// <summary>Something the runner must do after a decision. Every command is safe to apply twice.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SendMessage), "send_message")]
[JsonDerivedType(typeof(ScheduleWakeUp), "schedule_wake_up")]
[JsonDerivedType(typeof(UpdateProfile), "update_profile")]
[JsonDerivedType(typeof(EndInstance), "end_instance")]
[JsonDerivedType(typeof(RecordHistory), "record_history")]
public abstract record JourneyCommand;
