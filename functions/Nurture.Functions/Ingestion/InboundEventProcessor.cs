using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Channels.Feedback;
using Nurture.Channels.Ingestion;
using Nurture.Channels.Sending;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Profiles;
using Nurture.Functions.Contacts;
using Nurture.Functions.Delivery;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// Turns one accepted delivery into canonical events and, for each, puts it on the contact's timeline and day,
/// updates the profile and offers it to journeys.
/// </summary>
/// <remarks>
/// Every step is idempotent (timeline rows keyed by event id, the profile reducer remembers applied event ids,
/// the journey sink dedupes by event id) and the processed marker is written last, so a redelivered message or a
/// crash half way changes nothing the second time. Transient storage failures propagate so the queue retries.
/// </remarks>
public sealed partial class InboundEventProcessor(
    IngestionStorage storage,
    ContactResolver resolver,
    ContactEraser eraser,
    SendStatusStore statuses,
    RecipientEffects recipients,
    ProfileOptions profileOptions,
    IOptions<IngestionOptions> ingestionOptions,
    TimeProvider time,
    ILogger<InboundEventProcessor> logger)
{
    /// <summary>Processes one <c>events-inbound</c> message, offering its events to <paramref name="journeys"/>; returns how many events were new.</summary>
    public async Task<int> ProcessAsync(string messageText, IJourneyEventSink journeys, CancellationToken cancellationToken)
    {
        // A message that is not a delivery fails every attempt and ends in events-inbound-poison with this reason.
        var delivery = InboundQueue.Deserialize(messageText);
        await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var body = await storage.Inbound.ReadBodyAsync(delivery, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            BodyGone(logger, delivery.DeliveryId);
            return 0;
        }

        var outcome = PayloadMappers.Default.Map(delivery.Source, new RawDelivery(delivery.Topic, delivery.Headers, body, delivery.ReceivedAt));
        if (outcome is not MappedEvents mapped)
        {
            // Intake only enqueues deliveries that mapped; a mapper change since is the only way here.
            NotMapped(logger, delivery.DeliveryId, outcome.GetType().Name);
            await storage.Inbound.ReleaseBodyAsync(delivery, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var processed = 0;
        foreach (var evt in mapped.Events)
        {
            if (await ProcessEventAsync(evt, delivery.ReceivedAt, journeys, cancellationToken).ConfigureAwait(false))
            {
                processed++;
            }
        }

        await storage.Inbound.ReleaseBodyAsync(delivery, cancellationToken).ConfigureAwait(false);
        return processed;
    }

    /// <summary>Processes one canonical event received at <paramref name="receivedAt"/>; false when it was processed before or concerns nobody.</summary>
    /// <remarks>
    /// The first delivery of an event claims it and fixes its times, so concurrent or later deliveries of the same
    /// message (three identical STOP posts) write the same timeline row. Times after the receipt (beyond the clock-skew
    /// tolerance) are taken as the receipt time.
    /// </remarks>
    public async Task<bool> ProcessEventAsync(CanonicalEvent evt, DateTimeOffset receivedAt, IJourneyEventSink journeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(journeys);
        var claim = await storage.Processed.ClaimAsync(evt.EventId, evt.OccurredAt, receivedAt, cancellationToken).ConfigureAwait(false);
        if (claim.Processed)
        {
            Duplicate(logger, evt.EventId, evt.Type);
            return false;
        }

        evt = ConsentClock.Clamp(evt with { OccurredAt = claim.OccurredAt }, claim.ReceivedAt, ingestionOptions.Value.ClockSkewTolerance);
        var identity = IdentityNormalizer.Normalize(evt.Source, evt.Contact, profileOptions.DefaultCallingCode);
        if (evt.Type is EventTypes.PrivacyContactRedactRequested or EventTypes.PrivacyDataRequested or EventTypes.PrivacyShopRedactRequested)
        {
            await HandlePrivacyAsync(evt, identity, journeys, cancellationToken).ConfigureAwait(false);
            await storage.Processed.MarkAsync(evt.EventId, string.Empty, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var feedback = DeliveryFeedbackMapper.From(evt);
        if (feedback is not null)
        {
            // The send's own history, by our message id (custom_args, the status callback URL) or the provider's id;
            // consent, suppression and engagement follow from the event on the profile below.
            var routed = await statuses.RecordAsync(feedback, evt.EventId, cancellationToken).ConfigureAwait(false);
            if (!routed)
            {
                FeedbackUnrouted(logger, evt.EventId, feedback.Status.ToString());
            }
        }

        // Read alongside the resolution; every event that names an address checks it (see below).
        var listed = storage.Suppression.MarksForAsync(identity.Email, identity.Phone, cancellationToken);
        var resolved = await resolver.ResolveContactAsync(identity, cancellationToken).ConfigureAwait(false)
            ?? await resolver.ResolveByReferenceAsync(evt, cancellationToken).ConfigureAwait(false);
        if (resolved is not { ContactId: var contactId })
        {
            await listed.ConfigureAwait(false);
            Unattributed(logger, evt.EventId, evt.Type);
            await storage.Processed.MarkAsync(evt.EventId, string.Empty, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return false;
        }

        // Each idempotent. The timeline rows and the remembered order and cart go first, together, and the profile
        // after them: a profile that shows the event means everything about it is stored, so an erasure that
        // follows finds all of it (it works from the profile and the timeline).
        await Task.WhenAll(
            storage.Events.AppendAsync(contactId, evt, cancellationToken),
            resolver.RememberReferencesAsync(evt, contactId, cancellationToken)).ConfigureAwait(false);
        // A suppressed address stays suppressed on whichever profile it turns up on (a contact re-created after its
        // erasure, a merge): the list's marks go on with the event, and only an explicit opt-in dated after them lifts them.
        var marks = new List<SuppressionMark>(await listed.ConfigureAwait(false));
        if (feedback is { Channel: MessageChannel.Email } && feedback.Implies(FeedbackEffects.Suppress))
        {
            marks.Add(new SuppressionMark("email", feedback.Implies(FeedbackEffects.WithdrawConsent) ? SuppressionReason.SpamReport : SuppressionReason.HardBounce, evt.OccurredAt));
        }

        ContactProfile? before = null;
        var after = await storage.Profiles.UpdateAsync(
            contactId,
            profile =>
            {
                before = profile;
                return ProfileReducer.Suppress(ProfileReducer.Apply(profile, evt, profileOptions), marks);
            },
            resolved.Profile,
            cancellationToken).ConfigureAwait(false);
        await storage.Suppression.RecordAsync(before, after, cancellationToken).ConfigureAwait(false);
        if (feedback is { Recipient: not RecipientImpact.None })
        {
            // What the provider learnt about the address or number (a dropped invalid address, an SMS to a landline).
            await recipients.ApplyAsync(contactId, feedback.Recipient, feedback.ErrorCode, "feedback:" + evt.EventId, evt.OccurredAt, cancellationToken).ConfigureAwait(false);
        }

        await journeys.OfferAsync(contactId, evt, cancellationToken).ConfigureAwait(false);
        await storage.Processed.MarkAsync(evt.EventId, contactId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Processed(logger, evt.EventId, evt.Type, contactId);
        return true;
    }

    private async Task HandlePrivacyAsync(CanonicalEvent evt, NormalizedIdentity identity, IJourneyEventSink journeys, CancellationToken cancellationToken)
    {
        switch (evt.Type)
        {
            case EventTypes.PrivacyShopRedactRequested:
                var erased = await eraser.EraseSourceAsync(EventSource.Shopify, journeys, cancellationToken).ConfigureAwait(false);
                PrivacyDone(logger, evt.EventId, evt.Type, erased);
                break;
            case EventTypes.PrivacyContactRedactRequested:
                var contactId = await resolver.FindAsync(identity, cancellationToken).ConfigureAwait(false);
                var count = contactId is null ? 0 : await eraser.EraseAsync(contactId, "shopify:customers/redact", journeys, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                PrivacyDone(logger, evt.EventId, evt.Type, count);
                break;
            default:
                // Shopify asks the merchant to hand the data over; GET /api/contacts/{id}/export produces it.
                var requested = await resolver.FindAsync(identity, cancellationToken).ConfigureAwait(false);
                await eraser.RecordDataRequestAsync(requested, evt, cancellationToken).ConfigureAwait(false);
                PrivacyDone(logger, evt.EventId, evt.Type, requested is null ? 0 : 1);
                break;
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Processed event {EventId} ({EventType}) for contact {ContactId}")]
    private static partial void Processed(ILogger logger, string eventId, string eventType, string contactId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Event {EventId} ({EventType}) was processed before; nothing to do")]
    private static partial void Duplicate(ILogger logger, string eventId, string eventType);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Event {EventId} ({EventType}) names no identity; recorded as processed without a contact")]
    private static partial void Unattributed(ILogger logger, string eventId, string eventType);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} has no stored body any more (erased); skipped")]
    private static partial void BodyGone(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} no longer maps to events ({Outcome}); skipped")]
    private static partial void NotMapped(ILogger logger, string deliveryId, string outcome);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Delivery feedback {EventId} ({Status}) names no send Nurture knows; kept on the contact only")]
    private static partial void FeedbackUnrouted(ILogger logger, string eventId, string status);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Privacy request {EventId} ({EventType}) handled: {Contacts} contacts")]
    private static partial void PrivacyDone(ILogger logger, string eventId, string eventType, int contacts);
}
