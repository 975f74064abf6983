using Nurture.Core.Events;
using Nurture.Core.Profiles;

namespace Nurture.Core.SendTime;

/// <summary>Sorts canonical events into send-time evidence. Pure.</summary>
/// <remarks>
/// Machine opens (SendGrid <c>sg_machine_open</c>, a privacy proxy fetching the images on delivery) say
/// nothing about the person and never count. Deliveries are <c>email.delivered</c> and an SMS status callback
/// reporting <c>delivered</c>; <c>email.processed</c> is not one, so a message reported at both stages counts once.
/// </remarks>
public static class SendTimeEvidence
{
    private const string SmsDelivered = "delivered";

    /// <summary>What <paramref name="evt"/> is, and its evidence weight (0 for none and deliveries).</summary>
    /// <param name="evt">The event.</param>
    /// <param name="weights">Evidence weight per event type; types not listed are not engagement.</param>
    /// <param name="weight">The event's weight when it is engagement or a response.</param>
    public static EvidenceKind Classify(CanonicalEvent evt, IDictionary<string, double> weights, out double weight)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(weights);
        weight = 0;
        switch (evt.Type)
        {
            case EventTypes.EmailDelivered:
                return EvidenceKind.Delivery;
            case EventTypes.SmsStatusChanged:
                return string.Equals(EventJson.String(evt.Properties, EventProperties.MessageStatus), SmsDelivered, StringComparison.OrdinalIgnoreCase)
                    ? EvidenceKind.Delivery
                    : EvidenceKind.None;
            case EventTypes.EmailOpened when EventJson.Bool(evt.Properties, EventProperties.MachineOpen):
                return EvidenceKind.None;
        }

        if (!weights.TryGetValue(evt.Type, out var configured) || !(configured > 0) || double.IsInfinity(configured))
        {
            return EvidenceKind.None;
        }

        weight = configured;
        return evt.Type is EventTypes.EmailOpened or EventTypes.EmailClicked or EventTypes.SmsReceived ? EvidenceKind.Response : EvidenceKind.Engagement;
    }
}
