using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>Ends the instance.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Reason">Optional reason recorded in the history.</param>
public sealed record ExitNode(string Id, string? Reason = null) : JourneyNode(Id)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => JourneyNodeTypes.Exit;

    /// <inheritdoc />
    public override IEnumerable<(string Label, string? Target)> Edges() => [];
}
