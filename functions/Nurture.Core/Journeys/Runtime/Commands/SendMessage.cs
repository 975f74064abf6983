using Nurture.Core.Journeys.Model;
using Nurture.Core.SendTime;

namespace Nurture.Core.Journeys.Runtime.Commands;

/// <summary>Hand one message to the channel, through the send ledger.</summary>
/// <remarks>
/// <see cref="MessageId"/> is a hash of instance, node and visit: a redelivered trigger or a crashed step
/// yields the same id, and the ledger refuses to send an id twice.
/// </remarks>
/// <param name="MessageId">Deterministic message id.</param>
/// <param name="Channel">Email or SMS.</param>
/// <param name="TemplateId">Template to render.</param>
/// <param name="ContactId">Recipient contact.</param>
/// <param name="JourneyId">Journey, for reporting.</param>
/// <param name="Version">Journey version, for reporting.</param>
/// <param name="NodeId">Node, for reporting.</param>
/// <param name="Sender">Sender from the node's channel settings; null when the node names none (the shop's default sender applies).</param>
/// <param name="Subject">Email subject, if any.</param>
/// <param name="Category">Category, if any.</param>
/// <param name="Marketing">Whether it is a marketing message (counts toward caps).</param>
/// <param name="Variant">Split variant the contact is in, if any.</param>
/// <param name="SendTime">For a marketing send from a best-time step: its arm of the send-time experiment; otherwise null.</param>
public sealed record SendMessage(
    string MessageId,
    MessageChannel Channel,
    string TemplateId,
    string ContactId,
    string JourneyId,
    int Version,
    string NodeId,
    string? Sender,
    string? Subject,
    string? Category,
    bool Marketing,
    string? Variant,
    SendTimeArm? SendTime = null) : JourneyCommand;
