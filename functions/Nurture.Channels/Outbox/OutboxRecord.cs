using Nurture.Channels.Sending;

namespace Nurture.Channels.Outbox;

/// <summary>A message the outbox channel recorded instead of sending.</summary>
/// <param name="Message">The rendered message.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record OutboxRecord(OutboundMessage Message, DateTimeOffset RecordedAt);
