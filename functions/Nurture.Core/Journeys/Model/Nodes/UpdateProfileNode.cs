using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>Changes the contact's tags and attributes.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Next">The node after the update; null ends the journey.</param>
/// <param name="AddTags">Tags to add.</param>
/// <param name="RemoveTags">Tags to remove.</param>
/// <param name="SetAttributes">Attributes to set.</param>
public sealed record UpdateProfileNode(
    string Id,
    string? Next,
    IReadOnlyList<string>? AddTags = null,
    IReadOnlyList<string>? RemoveTags = null,
    IReadOnlyDictionary<string, JsonElement>? SetAttributes = null) : JourneyNode(Id)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => JourneyNodeTypes.UpdateProfile;

    /// <inheritdoc />
    public override IEnumerable<(string Label, string? Target)> Edges()
    {
        yield return ("next", Next);
    }
}
