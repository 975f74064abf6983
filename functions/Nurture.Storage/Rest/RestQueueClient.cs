using System.Globalization;
using Azure.Core;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Rest;

/// <summary>
/// One queue over the Queue REST API. Queue-level operations are here; messages are in
/// <c>RestQueueClient.Messages.cs</c>.
/// </summary>
/// <remarks>
/// Operations on a queue that does not exist fail with a 404 <see cref="StorageRequestException"/> whose
/// <see cref="StorageRequestException.ErrorCode"/> is <c>QueueNotFound</c>. Expiry dates of messages sent with
/// <see cref="QueueLimits.NeverExpires"/> come back as null (the service writes year 9999). Empty text is a valid
/// message (Azurite stores and returns it as empty).
/// </remarks>
public sealed partial class RestQueueClient : IQueueClient
{
    private readonly StoragePipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;
    private readonly string _queuePath;
    private readonly string _messagesPath;
    private readonly string _messagesPathWithQuery;
    private readonly string _metadataPath;

    internal RestQueueClient(StoragePipeline pipeline, string queueName, QueueMessageEncoding encoding)
    {
        QueueLimits.ValidateQueueName(queueName);
        _pipeline = pipeline;
        _encoding = encoding;
        Name = queueName;
        _queuePath = "/" + queueName;
        _messagesPath = _queuePath + "/messages";
        _messagesPathWithQuery = _messagesPath + "?";
        _metadataPath = _queuePath + "?comp=metadata";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, _queuePath);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => true,

            // 204: it exists with the same (no) metadata; 409: it exists with other metadata. Either way it is there.
            204 or 409 => false,
            _ => throw StoragePipeline.CreateException(response, $"create queue {Name}"),
        };
    }

    /// <inheritdoc />
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, _queuePath);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StoragePipeline.CreateException(response, $"delete queue {Name}"),
        };
    }

    /// <inheritdoc />
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, _metadataPath);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateException(response, $"count messages in {Name}");
        }

        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            ? int.Parse(count, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : throw new StorageRequestException(response.Status, null, null, $"The service sent no message count for {Name}.");
    }

    /// <inheritdoc />
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, _messagesPath);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StoragePipeline.CreateException(response, $"clear {Name}");
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
