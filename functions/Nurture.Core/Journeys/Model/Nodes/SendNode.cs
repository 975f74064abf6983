using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>A step that sends one message to the contact.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Template">Template id the channel renders.</param>
/// <param name="Channel">Channel settings (sender, subject, category).</param>
/// <param name="Next">The node after the send (or after a skip); null ends the journey.</param>
/// <param name="Priority">Priority when a frequency cap defers the send.</param>
/// <param name="Marketing">Marketing messages need consent and obey caps and quiet hours; transactional ones need no marketing consent and skip caps.</param>
/// <param name="BestTime">Optional: send at the contact's best hour within a window instead of at once.</param>
public abstract record SendNode(
    string Id,
    string? Template,
    ChannelSettings? Channel,
    string? Next,
    SendPriority Priority = SendPriority.Normal,
    bool Marketing = true,
    BestTimeWindow? BestTime = null) : JourneyNode(Id)
{
    /// <summary>The channel this node sends on.</summary>
    [JsonIgnore]
    public abstract MessageChannel MessageChannel { get; }

    /// <inheritdoc />
    public override IEnumerable<(string Label, string? Target)> Edges()
    {
        yield return ("next", Next);
    }
}
