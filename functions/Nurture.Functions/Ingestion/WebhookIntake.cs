using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nurture.Channels.Ingestion;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Functions.Http;
using Nurture.Storage.Queues;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// What every ingestion endpoint does once the caller is authenticated: map the raw body once to learn whether it
/// is valid and wanted, then durably enqueue it on <c>events-inbound</c> and answer 202 — only after the enqueue
/// succeeded, so an acknowledged delivery is never lost. Invalid bodies answer 400 and unknown topics 202
/// (recorded as ignored, so platforms stop retrying); neither touches the queue.
/// </summary>
public sealed partial class WebhookIntake(IngestionStorage storage, TimeProvider time, ILogger<WebhookIntake> logger)
{
    // Headers never forwarded: credentials and signatures stay at the edge.
    private static readonly HashSet<string> Withheld = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "x-functions-key",
        Channels.Webhooks.ShopifySignatureVerifier.HeaderName,
        Channels.Webhooks.WooCommerceSignatureVerifier.HeaderName,
        Channels.Webhooks.TwilioSignatureVerifier.HeaderName,
        Channels.Webhooks.SendGridSignatureVerifier.SignatureHeaderName,
    };

    /// <summary>Reads the whole body (the host has already enforced its size limit).</summary>
    /// <remarks>
    /// With a declared length the bytes go straight into an array of that size (no growing buffer and no copy
    /// out of it); a body that turns out longer than declared is still read to its end.
    /// </remarks>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is not { } declared || declared is <= 0 or > MaxDeclaredBodyBytes)
        {
            return await ReadToEndAsync(request.Body, [], 4096, cancellationToken).ConfigureAwait(false);
        }

        var body = new byte[declared];
        var read = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < body.Length)
        {
            return body[..read];
        }

        return await ReadToEndAsync(request.Body, body, 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the request's media type is <paramref name="mediaType"/> (parameters such as charset allowed).</summary>
    public static bool HasContentType(HttpRequest request, string mediaType) =>
        request.ContentType is { } type && MediaType(type).Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The headers that travel with the delivery: the platform's <c>X-</c> headers, never credentials or signatures.</summary>
    public static Dictionary<string, string> ForwardedHeaders(HttpRequest request, params string[] alsoWithheld)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && !Withheld.Contains(name) && !IsAmong(name, alsoWithheld))
            {
                headers[name] = value.ToString();
            }
        }

        return headers;
    }

    /// <summary>Validates, then enqueues or records as ignored, and answers.</summary>
    public async Task<IResult> AcceptAsync(EventSource source, string topic, Dictionary<string, string> headers, byte[] body, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var deliveryId = Guid.NewGuid().ToString("N");
        var outcome = PayloadMappers.Default.Map(source, new RawDelivery(topic, headers, body, receivedAt));
        switch (outcome)
        {
            case InvalidDelivery invalid:
                Rejected(logger, source, topic, invalid.Errors.Count);
                return WebhookProblems.Invalid(invalid.Errors);
            case MappedEvents { Rejected.Count: > 0 } partial:
                Rejected(logger, source, topic, partial.Rejected.Count);
                return WebhookProblems.Invalid(partial.Rejected);
            case IgnoredDelivery ignored:
                await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
                await storage.IgnoredDeliveries.UpsertAsync(
                    new TableEntity(receivedAt.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), deliveryId)
                    {
                        { "Source", source.ToString() },
                        { "Topic", Truncate(topic, 200) },
                        { "Reason", Truncate(ignored.Reason, 500) },
                        { "ReceivedAt", receivedAt },
                    },
                    TableUpdateMode.Replace,
                    cancellationToken).ConfigureAwait(false);
                Ignored(logger, source, Truncate(topic, 200), deliveryId);
                return ApiJson.Result(new DeliveryReceipt(deliveryId, DeliveryStatus.Ignored, 0, ignored.Reason), StatusCodes.Status202Accepted);
            case MappedEvents mapped:
                await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
                var delivery = new InboundDelivery(deliveryId, source, topic, receivedAt, headers, null, null);
                await storage.Inbound.EnqueueAsync(delivery, body, cancellationToken).ConfigureAwait(false);
                Accepted(logger, source, Truncate(topic, 200), deliveryId, mapped.Events.Count, body.Length);
                return ApiJson.Result(new DeliveryReceipt(deliveryId, DeliveryStatus.Accepted, mapped.Events.Count, null), StatusCodes.Status202Accepted);
            default:
                throw new InvalidOperationException($"Unknown mapping outcome {outcome.GetType().Name}.");
        }
    }

    private static ReadOnlySpan<char> MediaType(string contentType)
    {
        var end = contentType.IndexOf(';', StringComparison.Ordinal);
        return (end < 0 ? contentType.AsSpan() : contentType.AsSpan(0, end)).Trim();
    }

    private static bool IsAmong(string name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Beyond any body limit the host allows; a larger declared length is read as if undeclared.
    private const long MaxDeclaredBodyBytes = 64L * 1024 * 1024;

    private static async Task<byte[]> ReadToEndAsync(Stream stream, byte[] start, int capacityHint, CancellationToken cancellationToken)
    {
        var probe = new byte[1];
        if (start.Length > 0 && await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0)
        {
            return start;
        }

        using var buffer = new MemoryStream(Math.Max(capacityHint, start.Length + 4096));
        buffer.Write(start);
        if (start.Length > 0)
        {
            buffer.Write(probe);
        }

        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    // Debug, not Information: the invocation's own Executing/Executed lines already record every request.
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Accepted {Source} delivery {DeliveryId} ({Topic}): {EventCount} events, {Bytes} bytes")]
    private static partial void Accepted(ILogger logger, EventSource source, string topic, string deliveryId, int eventCount, int bytes);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Ignored {Source} delivery {DeliveryId}: topic {Topic} is not used")]
    private static partial void Ignored(ILogger logger, EventSource source, string topic, string deliveryId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Rejected a {Source} delivery ({Topic}) with {ErrorCount} problems")]
    private static partial void Rejected(ILogger logger, EventSource source, string topic, int errorCount);
}
