using System.Text.Json;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion.SendGrid;

/// <summary>
/// Maps a SendGrid Event Webhook post (a JSON array) to one canonical event per element, deduped on
/// <c>sg_event_id</c>. Elements that cannot be mapped are left out and listed in
/// <see cref="MappedEvents.Rejected"/>; the rest still count, since SendGrid would resend the whole batch.
/// </summary>
/// <remarks>
/// Our message id comes from the <c>custom_args</c> member <see cref="SendGridArgs.MessageId"/> as
/// <see cref="EventProperties.MessageId"/>, SendGrid's as <see cref="EventProperties.ProviderMessageId"/>, so the send
/// record can be found either way. Opens keep <c>sg_machine_open</c> as <see cref="EventProperties.MachineOpen"/> so engagement can leave out
/// privacy-proxy prefetches. Every string member SendGrid does not define is one of our
/// <c>custom_args</c> (message id, journey, step) and is carried under <see cref="EventProperties.CustomArgs"/>.
/// </remarks>
public sealed class SendGridMapper : IPayloadMapper
{
    /// <summary>The most events read from one post (SendGrid batches far fewer).</summary>
    public const int MaxBatch = 10_000;

    private static readonly HashSet<string> StandardMembers = new(StringComparer.Ordinal)
    {
        "email", "timestamp", "event", "sg_event_id", "sg_message_id", "smtp-id", "category", "url", "url_offset", "reason",
        "status", "response", "attempt", "type", "bounce_classification", "asm_group_id", "sg_machine_open", "useragent", "ip",
        "tls", "cert_err", "marketing_campaign_id", "marketing_campaign_name", "sg_template_id", "sg_template_name", "pool",
        "sg_content_type", "send_at", "singlesend_id", "singlesend_name", "mc_stats", "phase_id", "post_type",
    };

    /// <inheritdoc />
    public EventSource Source => EventSource.SendGrid;

    /// <inheritdoc />
    public MappingOutcome Map(RawDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var document = PayloadJson.TryParse(delivery.Body, out var parseError);
        if (document is null)
        {
            return new InvalidDelivery([parseError!]);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            return new InvalidDelivery("body", "must be a JSON array of events");
        }

        var length = root.GetArrayLength();
        if (length == 0)
        {
            return new IgnoredDelivery("empty SendGrid batch");
        }

        if (length > MaxBatch)
        {
            return new InvalidDelivery("body", "holds " + length + " events; at most " + MaxBatch + " are accepted");
        }

        var events = new List<CanonicalEvent>(length);
        var rejected = new List<MappingError>();
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            var path = "[" + index++ + "]";
            var reader = new FieldReader();
            var mapped = MapOne(element, path, reader);
            if (mapped is not null)
            {
                events.Add(mapped);
            }
            else
            {
                rejected.AddRange(reader.Errors);
            }
        }

        return events.Count == 0 && rejected.Count > 0 ? new InvalidDelivery(rejected) : new MappedEvents(events, rejected);
    }

    private static CanonicalEvent? MapOne(JsonElement element, string path, FieldReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(path, "must be an object");
            return null;
        }

        var name = element.RawString("event");
        var type = TypeOf(name);
        if (type is null)
        {
            reader.Fail(path + ".event", "'" + FieldReader.Clean(name, 32) + "' is not a SendGrid event Nurture uses");
            return null;
        }

        var eventId = reader.CheckId(element.RawString("sg_event_id"), path + ".sg_event_id", required: true);
        DateTimeOffset? at = element.Child("timestamp") is { ValueKind: JsonValueKind.Number } t && t.TryGetInt64(out var seconds) && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        if (at is null)
        {
            reader.Fail(path + ".timestamp", "is required (Unix seconds)");
        }

        var properties = new PropertyBag()
            .Put(EventProperties.MessageId, FieldReader.Text(element, SendGridArgs.MessageId, 128))
            .Put(EventProperties.ProviderMessageId, reader.CheckId(element.RawString("sg_message_id"), path + ".sg_message_id"))
            .Put(EventProperties.Url, FieldReader.Text(element, "url", 2048))
            .Put(EventProperties.Reason, FieldReader.Text(element, "reason", 512))
            .Put(EventProperties.BounceType, FieldReader.Text(element, "type", 32))
            .Put(DeliveryEventProperties.SmtpStatus, FieldReader.Text(element, "status", 16))
            .Put(DeliveryEventProperties.BounceClassification, FieldReader.Text(element, "bounce_classification", 64))
            .Put(EventProperties.AsmGroupId, element.Child("asm_group_id") is { ValueKind: JsonValueKind.Number } g ? g.GetRawText() : null)
            .Put(EventProperties.CustomArgs, CustomArgs(element));
        if (type == EventTypes.EmailOpened)
        {
            properties.Put(EventProperties.MachineOpen, element.IsTrue("sg_machine_open"));
        }

        if (reader.HasErrors)
        {
            return null;
        }

        return EventFactory.Create(EventSource.SendGrid, type, eventId!, at!.Value, EventFactory.Contact(null, element.RawString("email"), null), properties);
    }

    private static string? TypeOf(string? name) => name switch
    {
        "processed" => EventTypes.EmailProcessed,
        "dropped" => EventTypes.EmailDropped,
        "deferred" => EventTypes.EmailDeferred,
        "delivered" => EventTypes.EmailDelivered,
        "open" => EventTypes.EmailOpened,
        "click" => EventTypes.EmailClicked,
        "bounce" => EventTypes.EmailBounced,
        "spamreport" => EventTypes.EmailSpamReported,
        "unsubscribe" => EventTypes.EmailUnsubscribed,
        "group_unsubscribe" => EventTypes.EmailGroupUnsubscribed,
        "group_resubscribe" => EventTypes.EmailGroupResubscribed,
        _ => null,
    };

    private static PropertyBag? CustomArgs(JsonElement element)
    {
        PropertyBag? args = null;
        var count = 0;
        foreach (var member in element.EnumerateObject())
        {
            if (StandardMembers.Contains(member.Name) || member.Value.ValueKind != JsonValueKind.String || member.Name.Length > 64 || member.Name.Any(char.IsControl))
            {
                continue;
            }

            if (++count > 32)
            {
                break;
            }

            args ??= new PropertyBag();
            args.Put(member.Name, FieldReader.Clean(member.Value.GetString(), 512));
        }

        return args;
    }
}
