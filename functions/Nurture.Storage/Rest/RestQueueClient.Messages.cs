using Azure;
using Azure.Core;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Rest;

/// <summary>Message operations: put, get, peek, update and delete.</summary>
public sealed partial class RestQueueClient
{
    private const string XmlContentType = "application/xml; charset=utf-8";

    /// <inheritdoc />
    public async Task<SendReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var (visibility, ttl) = QueueArguments.ForSend(text, visibilityDelay, timeToLive);
        var body = QueueMessageBody.Create(Name, text, _encoding);
        var path = (visibility, ttl) switch
        {
            (0, null) => _messagesPath,
            (0, { } t) => string.Concat(_messagesPathWithQuery, "messagettl=", Invariant(t)),
            (var v, null) => string.Concat(_messagesPathWithQuery, "visibilitytimeout=", Invariant(v)),
            (var v, { } t) => string.Concat(_messagesPathWithQuery, "visibilitytimeout=", Invariant(v), "&messagettl=", Invariant(t)),
        };

        using var message = _pipeline.CreateMessage(RequestMethod.Post, path);
        SetBody(message.Request, body);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201)
        {
            throw StoragePipeline.CreateException(response, $"put message on {Name}");
        }

        var list = QueueXmlReader.ReadMessages(response.ContentStream!);
        if (list.Count == 0)
        {
            throw new StorageRequestException(response.Status, null, null, $"The service acknowledged a put on {Name} without describing the message.");
        }

        var sent = list[0];
        return new SendReceipt(sent.MessageId!, sent.PopReceipt!, sent.InsertedOn, sent.ExpiresOn, sent.NextVisibleOn);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var visibility = QueueArguments.ForReceive(maxMessages, visibilityTimeout);
        var path = string.Concat(_messagesPathWithQuery, "numofmessages=", Invariant(maxMessages), "&visibilitytimeout=", Invariant(visibility));
        using var message = _pipeline.CreateMessage(RequestMethod.Get, path);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateException(response, $"get messages from {Name}");
        }

        var list = QueueXmlReader.ReadMessages(response.ContentStream!);
        var result = new QueueMessage[list.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var m = list[i];
            result[i] = new QueueMessage(m.MessageId!, m.PopReceipt!, QueueWireText.FromWire(m.Text ?? string.Empty, _encoding), m.DequeueCount, m.InsertedOn, m.ExpiresOn, m.NextVisibleOn);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        var path = string.Concat(_messagesPathWithQuery, "peekonly=true&numofmessages=", Invariant(maxMessages));
        using var message = _pipeline.CreateMessage(RequestMethod.Get, path);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateException(response, $"peek messages on {Name}");
        }

        var list = QueueXmlReader.ReadMessages(response.ContentStream!);
        var result = new PeekedMessage[list.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var m = list[i];
            result[i] = new PeekedMessage(m.MessageId!, QueueWireText.FromWire(m.Text ?? string.Empty, _encoding), m.DequeueCount, m.InsertedOn, m.ExpiresOn);
        }

        return result;
    }

    /// <inheritdoc />
    /// <remarks>A stale pop receipt fails with 400 <c>PopReceiptMismatch</c>, a message that is gone with 404 <c>MessageNotFound</c>.</remarks>
    public async Task<UpdateReceipt> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? text = null, CancellationToken cancellationToken = default)
    {
        var visibility = QueueArguments.ForUpdate(messageId, popReceipt, visibilityTimeout);
        var body = text is null ? null : QueueMessageBody.Create(Name, text, _encoding);
        var path = string.Concat(MessagePath(messageId, popReceipt), "&visibilitytimeout=", Invariant(visibility));
        using var message = _pipeline.CreateMessage(RequestMethod.Put, path);
        if (body is not null)
        {
            SetBody(message.Request, body);
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StoragePipeline.CreateException(response, $"update message on {Name}");
        }

        if (!response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) || !response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible))
        {
            throw new StorageRequestException(response.Status, null, null, $"The service updated a message on {Name} without sending its new pop receipt.");
        }

        return new UpdateReceipt(receipt, QueueXmlReader.ParseDate(nextVisible));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The service answers 404 <c>MessageNotFound</c> for a message that is gone and 400 <c>PopReceiptMismatch</c>
    /// (Azurite and Azure alike) for a receipt replaced by a later receive or update: both return false. A missing
    /// queue (404 <c>QueueNotFound</c>) and a malformed receipt (400 with another code) still throw.
    /// </remarks>
    public async Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        QueueArguments.ForMessage(messageId, popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, MessagePath(messageId, popReceipt));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 204)
        {
            return true;
        }

        var failure = StoragePipeline.CreateException(response, $"delete message on {Name}");
        return failure.ErrorCode is QueueErrorCodes.MessageNotFound or QueueErrorCodes.PopReceiptMismatch ? false : throw failure;
    }

    private static void SetBody(Request request, byte[] body)
    {
        request.Headers.SetValue("Content-Type", XmlContentType);
        request.Content = RequestContent.Create(body);
    }

    // Pop receipts are base64 and may hold '+', '/' and '=': unescaped, a '+' would arrive as a space.
    private string MessagePath(string messageId, string popReceipt) =>
        string.Concat(_messagesPath, "/", Uri.EscapeDataString(messageId), "?popreceipt=", Uri.EscapeDataString(popReceipt));
}
