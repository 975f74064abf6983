using System.Globalization;
using System.Text;
using Azure.Core;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Rest;

/// <summary>One queue over the Queue REST API. Message operations are in the partial file beside this one.</summary>
public sealed partial class RestQueueClient : IQueueClient
{
    private readonly StoragePipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;
    private readonly string _queuePath;
    private readonly string _messagesPath;

    internal RestQueueClient(StoragePipeline pipeline, string queueName, QueueMessageEncoding encoding)
    {
        QueueLimits.ValidateQueueName(queueName);
        _pipeline = pipeline;
        _encoding = encoding;
        Name = queueName;
        _queuePath = "/" + queueName;
        _messagesPath = _queuePath + "/messages";
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
            204 => false,

            // A create retried after a lost response, or a queue with other metadata: it is there either way.
            409 => false,
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
        using var message = _pipeline.CreateMessage(RequestMethod.Get, _queuePath + "?comp=metadata");
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateException(response, $"count messages in {Name}");
        }

        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : throw new StorageRequestException(response.Status, null, null, "The service sent no message count.");
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

    private string Encode(string text) => _encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    private string Decode(string wire) => _encoding == QueueMessageEncoding.Base64 ? Encoding.UTF8.GetString(Convert.FromBase64String(wire)) : wire;

    private string EncodeChecked(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wire = Encode(text);
        var bytes = Encoding.UTF8.GetByteCount(wire);
        return bytes > QueueLimits.MaxMessageBytes ? throw new MessageTooLargeException(Name, bytes) : wire;
    }

    private static string Seconds(TimeSpan value) => ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
