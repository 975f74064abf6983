using Nurture.Channels.Feedback;

namespace Nurture.Functions.Delivery;

/// <summary>One step of a message's delivery as the provider reported it.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Status">What happened (processed, delivered, bounced, opened ...).</param>
/// <param name="ErrorCode">The provider's error code, if any.</param>
/// <param name="Reason">The provider's reason without addresses or numbers, if any.</param>
/// <param name="MachineOpen">For opens: a privacy proxy opened it, not the person.</param>
public sealed record SendStatusEntry(DateTimeOffset At, DeliveryStatus Status, string? ErrorCode = null, string? Reason = null, bool MachineOpen = false);
