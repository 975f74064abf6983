using System.Globalization;
using System.Text;
using Azure.Core;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Rest;

/// <summary>Put, get, peek, update and delete of messages.</summary>
public sealed partial class RestQueueClient
{
    /// <inheritdoc />
    public async Task<SendReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var wire = EncodeChecked(text);
        if (timeToLive is { } ttl)
        {
            QueueLimits.ValidateTimeToLive(ttl);
        }

        var path = new StringBuilder(_messagesPath, _messagesPath.Length + 48);
        var separator = '?';
        if (visibilityDelay is { } delay)
        {
            QueueLimits.ValidateVisibility(delay, timeToLive ?? QueueLimits.DefaultTimeToLive, nameof(visibilityDelay));
            path.Append(separator).Append("visibilitytimeout=").Append(Seconds(delay));
            separator = '&';
        }

        if (timeToLive is { } messageTtl)
        {
            path.Append(separator).Append("messagettl=").Append(messageTtl == QueueLimits.NeverExpires ? "-1" : Seconds(messageTtl));
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Post, path.ToString());
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(QueueXml.MessageBody(wire));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201)
        {
            throw StoragePipeline.CreateException(response, $"put message on {Name}");
        }

        var sent = (await QueueXml.ReadMessagesAsync(response.Content.ToStream(), cancellationToken).ConfigureAwait(false)).Single();
        return new SendReceipt(
            sent["MessageId"],
            sent["PopReceipt"],
            QueueXml.ParseDate(sent["InsertionTime"]),
            QueueXml.ParseExpiry(sent.GetValueOrDefault("ExpirationTime")),
            QueueXml.ParseDate(sent["TimeNextVisible"]));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        var path = _messagesPath + "?numofmessages=" + maxMessages.ToString(CultureInfo.InvariantCulture);
        if (visibilityTimeout is { } visibility)
        {
            QueueLimits.ValidateVisibility(visibility, null, nameof(visibilityTimeout));
            path += "&visibilitytimeout=" + Seconds(visibility);
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, path);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateException(response, $"get messages from {Name}");
        }

        var messages = await QueueXml.ReadMessagesAsync(response.Content.ToStream(), cancellationToken).ConfigureAwait(false);
        return messages.Count == 0 ? [] : messages.Select(m => QueueXml.ToMessage(m, Decode)).ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        using var message = _pipeline.CreateMessage(RequestMethod.Get, _messagesPath + "?peekonly=true&numofmessages=" + maxMessages.ToString(CultureInfo.InvariantCulture));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateException(response, $"peek messages in {Name}");
        }

        var messages = await QueueXml.ReadMessagesAsync(response.Content.ToStream(), cancellationToken).ConfigureAwait(false);
        return messages.Select(m => QueueXml.ToPeeked(m, Decode)).ToArray();
    }

    /// <inheritdoc />
    public async Task<UpdateReceipt> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? text = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        QueueLimits.ValidateVisibility(visibilityTimeout, null, nameof(visibilityTimeout));
        var wire = text is null ? null : EncodeChecked(text);
        using var message = _pipeline.CreateMessage(
            RequestMethod.Put,
            _messagesPath + "/" + Uri.EscapeDataString(messageId) + "?popreceipt=" + Uri.EscapeDataString(popReceipt) + "&visibilitytimeout=" + Seconds(visibilityTimeout));
        if (wire is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = RequestContent.Create(QueueXml.MessageBody(wire));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StoragePipeline.CreateException(response, $"update message in {Name}");
        }

        return new UpdateReceipt(
            response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) ? receipt : throw new StorageRequestException(204, null, null, "The service sent no new pop receipt."),
            response.Headers.TryGetValue("x-ms-time-next-visible", out var next) ? QueueXml.ParseDate(next) : DateTimeOffset.UtcNow.Add(visibilityTimeout));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.CreateMessage(
            RequestMethod.Delete,
            _messagesPath + "/" + Uri.EscapeDataString(messageId) + "?popreceipt=" + Uri.EscapeDataString(popReceipt));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,

            // Gone already, or received again by someone else since (the receipt is stale): either way not ours to delete.
            404 => false,
            400 when IsStaleReceipt(response) => false,
            _ => throw StoragePipeline.CreateException(response, $"delete message from {Name}"),
        };
    }

    private static bool IsStaleReceipt(Azure.Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) && code is "PopReceiptMismatch" or "InvalidPopReceipt";
}
