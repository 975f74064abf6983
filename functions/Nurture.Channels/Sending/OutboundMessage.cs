using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Sending;

/// <summary>A rendered message, ready for a channel.</summary>
/// <param name="MessageId">Deterministic message id (the send ledger's key; providers get it as an idempotency key).</param>
/// <param name="Channel">Email or SMS.</param>
/// <param name="ContactId">The recipient contact.</param>
/// <param name="To">Email address or E.164 phone number.</param>
/// <param name="From">Sender address or number.</param>
/// <param name="Subject">Email subject; null for SMS.</param>
/// <param name="Body">Rendered body.</param>
/// <param name="TemplateId">The template it was rendered from.</param>
/// <param name="Category">Category for reporting, if any.</param>
/// <param name="JourneyId">The journey that sent it, if any.</param>
/// <param name="NodeId">The journey node that sent it, if any.</param>
public sealed record OutboundMessage(
    string MessageId,
    MessageChannel Channel,
    string ContactId,
    string To,
    string From,
    string? Subject,
    string Body,
    string TemplateId,
    string? Category = null,
    string? JourneyId = null,
    string? NodeId = null);
