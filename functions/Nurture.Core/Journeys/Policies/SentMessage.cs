using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Journeys.Policies;

/// <summary>A message already sent to the contact (from the send ledger, any journey), as input to frequency caps.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Marketing">Whether it counts toward caps.</param>
public sealed record SentMessage(MessageChannel Channel, DateTimeOffset SentAt, bool Marketing = true);
