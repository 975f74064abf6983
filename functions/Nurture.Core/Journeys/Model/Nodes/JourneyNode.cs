using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>One step of a journey graph. The JSON <c>type</c> discriminator is stored: never change one, add a new type.</summary>
/// <param name="Id">Node id, unique within the journey.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SendEmailNode), JourneyNodeTypes.SendEmail)]
[JsonDerivedType(typeof(SendSmsNode), JourneyNodeTypes.SendSms)]
[JsonDerivedType(typeof(DelayNode), JourneyNodeTypes.Delay)]
[JsonDerivedType(typeof(WaitForEventNode), JourneyNodeTypes.WaitForEvent)]
[JsonDerivedType(typeof(BranchNode), JourneyNodeTypes.Branch)]
[JsonDerivedType(typeof(SplitNode), JourneyNodeTypes.Split)]
[JsonDerivedType(typeof(UpdateProfileNode), JourneyNodeTypes.UpdateProfile)]
[JsonDerivedType(typeof(ExitNode), JourneyNodeTypes.Exit)]
public abstract record JourneyNode(string Id)
{
    /// <summary>The stored type discriminator of this node.</summary>
    [JsonIgnore]
    public abstract string Type { get; }

    /// <summary>Every outgoing edge as (label, target node id); the label names the JSON property for error paths.</summary>
    public abstract IEnumerable<(string Label, string? Target)> Edges();
}
