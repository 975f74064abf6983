using System.Runtime.CompilerServices;
using Azure.Core;
using Nurture.Storage.Connections;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Rest;

/// <summary>The Queue service over its REST API, on Azure.Core's pipeline.</summary>
public sealed class RestQueueService : IQueueService
{
    private readonly StoragePipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>Creates the service client for the connection's Queue endpoint.</summary>
    public RestQueueService(StorageConnection connection, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new StorageClientOptions();
        _pipeline = new StoragePipeline(connection, connection.QueueEndpoint, SharedKeyPolicy.Flavor.Queue, options);
        _encoding = options.MessageEncoding;
    }

    /// <inheritdoc />
    public IQueueClient GetQueueClient(string queueName) => new RestQueueClient(_pipeline, queueName, _encoding);

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListQueuesAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var path = "/?comp=list" +
                (string.IsNullOrEmpty(prefix) ? string.Empty : "&prefix=" + Uri.EscapeDataString(prefix)) +
                (marker is null ? string.Empty : "&marker=" + Uri.EscapeDataString(marker));
            using var message = _pipeline.CreateMessage(RequestMethod.Get, path);
            var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StoragePipeline.CreateException(response, "list queues");
            }

            var (names, next) = await QueueXml.ReadQueueListAsync(response.Content.ToStream(), cancellationToken).ConfigureAwait(false);
            foreach (var name in names)
            {
                yield return name;
            }

            marker = next;
        }
        while (marker is not null);
    }
}
