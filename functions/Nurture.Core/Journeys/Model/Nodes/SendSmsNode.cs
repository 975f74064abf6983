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
    public override string Type => JourneyNodeTypes.SendSms;

    /// <inheritdoc />
    public override MessageChannel MessageChannel => MessageChannel.Sms;
}
