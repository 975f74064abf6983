using System.Runtime.CompilerServices;
using Azure.Core;
using Nurture.Storage.Connections;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Rest;

/// <summary>The Queue service over its REST API, on Azure.Core's pipeline (Shared Key or Entra tokens).</summary>
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
        var names = new List<string>();
        string? marker = null;
        do
        {
            var query = "/?comp=list";
            if (!string.IsNullOrEmpty(prefix))
            {
                query += "&prefix=" + Uri.EscapeDataString(prefix);
            }

            if (marker is not null)
            {
                query += "&marker=" + Uri.EscapeDataString(marker);
            }

            using (var message = _pipeline.CreateMessage(RequestMethod.Get, query))
            {
                var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
                if (response.Status != 200)
                {
                    throw StoragePipeline.CreateException(response, "list queues");
                }

                names.Clear();
                marker = QueueXmlReader.ReadQueueNames(response.ContentStream!, names);
            }

            foreach (var name in names)
            {
                yield return name;
            }
        }
        while (marker is not null);
    }
}
