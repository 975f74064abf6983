using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Connections;

/// <summary>
/// The options every Nurture storage client is created with: base64 queue messages (what the Functions queue
/// trigger reads and writes), and retries of 408, 429, 5xx and network failures with exponential backoff from
/// 0.2 s up to 10 s, at most 5 times, 30 s per attempt; other 4xx are never retried.
/// </summary>
/// <remarks>
/// The Queue SDK speaks service version 2026-10-06, newer than Azurite 3.37 accepts. Azurite is started with
/// <c>--skipApiVersionCheck</c> everywhere instead of pinning an older version here, because the Durable Task
/// provider and the Functions host create queue clients of their own with the SDK's default version.
/// </remarks>
public static class StorageClientDefaults
{
    /// <summary>Options for Table service clients.</summary>
    public static TableClientOptions TableOptions() => Configure(new TableClientOptions());

    /// <summary>Options for Queue service clients: base64 text; a received message that is not base64 goes to poison.</summary>
    /// <param name="movedToPoison">Called with the queue name and message id after such a move, to log it.</param>
    public static QueueClientOptions QueueOptions(Action<string, string>? movedToPoison = null)
    {
        var options = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        UndecodableMessages.MoveToPoison(options, movedToPoison);
        return options;
    }

    private static T Configure<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        options.Diagnostics.IsDistributedTracingEnabled = false;
        options.Diagnostics.IsLoggingContentEnabled = false;
        return options;
    }
}
