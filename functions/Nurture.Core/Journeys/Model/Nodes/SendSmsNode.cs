using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>Sends an SMS.</summary>
/// <inheritdoc cref="SendNode" path="/param"/>
public sealed record SendSmsNode(
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
    public override string Type => JourneyNodeTypes.SendSms;

    /// <inheritdoc />
    [JsonIgnore]
    public override MessageChannel MessageChannel => MessageChannel.Sms;
}
