using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>Goes to the first case whose condition holds, else to the default.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Cases">Conditions in order.</param>
/// <param name="DefaultNext">Where to go when no case holds; null ends the journey.</param>
public sealed record BranchNode(string Id, IReadOnlyList<BranchCase> Cases, string? DefaultNext) : JourneyNode(Id)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => JourneyNodeTypes.Branch;

    /// <inheritdoc />
    public override IEnumerable<(string Label, string? Target)> Edges()
    {
        for (var i = 0; i < Cases.Count; i++)
        {
            yield return ($"cases[{i}].next", Cases[i].Next);
        }

        yield return ("default_next", DefaultNext);
    }
}
