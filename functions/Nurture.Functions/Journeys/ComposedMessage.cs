using Nurture.Channels.Sending;

namespace Nurture.Functions.Journeys;

/// <summary>A rendered message, or why none could be rendered (a permanent failure of the send).</summary>
/// <param name="Message">The message, when rendered.</param>
/// <param name="Problem">Why not (no personal data).</param>
public sealed record ComposedMessage(OutboundMessage? Message, string? Problem);
