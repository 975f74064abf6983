using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Nurture.Core.Ingestion;
using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// The <c>events-inbound</c> queue: deliveries go on as JSON, with the raw body inline when the message stays
/// under the queue's 64 KiB (after base64) and in the <see cref="PayloadStore"/> otherwise.
/// </summary>
/// <remarks>
/// A webhook answers 202 only after <see cref="EnqueueAsync"/> returned, so nothing acknowledged is lost. A
/// retried put can duplicate a message; processing dedupes by event id.
/// </remarks>
public sealed class InboundQueue
{
    /// <summary>The queue's name (also the catalog's binding).</summary>
    public const string QueueName = "events-inbound";

    // Raw body bytes that still fit once base64'd twice (inline in the JSON, then the message) with headroom for the envelope.
    private const int MaxInlineBodyBytes = 32 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly QueueClient _queue;
    private readonly PayloadStore _payloads;

    /// <summary>Creates the queue over the account's services.</summary>
    public InboundQueue(QueueServiceClient queues, PayloadStore payloads)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(payloads);
        _queue = queues.GetQueueClient(QueueName);
        _payloads = payloads;
    }

    /// <summary>Creates the queue and the payload table if needed.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _payloads.InitializeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Durably enqueues the delivery with its raw body; returns the message text that was sent.</summary>
    public async Task<InboundDelivery> EnqueueAsync(InboundDelivery delivery, ReadOnlyMemory<byte> rawBody, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        InboundDelivery message;
        if (rawBody.Length <= MaxInlineBodyBytes)
        {
            message = delivery with { Body = Convert.ToBase64String(rawBody.Span), PayloadRef = null };
        }
        else
        {
            await _payloads.SaveAsync(delivery.DeliveryId, rawBody, cancellationToken).ConfigureAwait(false);
            message = delivery with { Body = null, PayloadRef = delivery.DeliveryId };
        }

        await _queue.EnqueueAsync(Serialize(message), cancellationToken: cancellationToken).ConfigureAwait(false);
        return message;
    }

    /// <summary>Reads a message's delivery; throws <see cref="JsonException"/> for text that is not one.</summary>
    public static InboundDelivery Deserialize(string messageText) =>
        JsonSerializer.Deserialize<InboundDelivery>(messageText, Json)
        ?? throw new JsonException("The message is JSON null, not a delivery.");

    /// <summary>The delivery as message text.</summary>
    public static string Serialize(InboundDelivery delivery) => JsonSerializer.Serialize(delivery, Json);

    /// <summary>The delivery's raw body, from the message or the payload store; null when a stored body is gone (erased).</summary>
    public async Task<byte[]?> ReadBodyAsync(InboundDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Body is { } inline)
        {
            return Convert.FromBase64String(inline);
        }

        return delivery.PayloadRef is { } id ? await _payloads.LoadAsync(id, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Messages waiting or in flight (approximate, as the service counts); 0 before the queue exists.</summary>
    public async Task<int> ApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return (await _queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing was ever accepted: the queue is created with the first delivery.
            return 0;
        }
    }

    /// <summary>Deletes a stored body once the delivery has been processed.</summary>
    public Task ReleaseBodyAsync(InboundDelivery delivery, CancellationToken cancellationToken = default) =>
        delivery.PayloadRef is { } id ? _payloads.DeleteAsync(id, cancellationToken) : Task.CompletedTask;
}
