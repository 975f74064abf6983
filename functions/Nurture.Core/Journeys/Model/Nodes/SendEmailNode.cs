using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>Sends an email.</summary>
/// <inheritdoc cref="SendNode" path="/param"/>
public sealed record SendEmailNode(
    string Id,
    string? Template,
    ChannelSettings? Channel,
    string? Next,
    SendPriority Priority = SendPriority.Normal,
    bool Marketing = true,
    BestTimeWindow? BestTime = null) : SendNode(Id, Template, Channel, Next, Priority, Marketing, BestTime)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => JourneyNodeTypes.SendEmail;

    /// <inheritdoc />
    [JsonIgnore]
    public override MessageChannel MessageChannel => MessageChannel.Email;
}
