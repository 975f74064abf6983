using Azure.Core;

namespace Nurture.Storage;

/// <summary>
/// Pipeline options for the storage clients. Retries come from Azure.Core: 408, 429, 500, 502, 503 and
/// 504 and network failures are retried with exponential backoff and jitter; other 4xx never are.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>.</summary>
    public const string ServiceVersion = "2019-02-02";

    /// <summary>Options with Nurture's defaults: 5 retries from 0.2 s up to 10 s, 30 s per attempt.</summary>
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Diagnostics.IsDistributedTracingEnabled = false;
        Diagnostics.IsLoggingContentEnabled = false;
    }

    /// <summary>How queue message text travels on the wire (base64 by default, as Functions expects).</summary>
    public Queues.QueueMessageEncoding MessageEncoding { get; set; } = Queues.QueueMessageEncoding.Base64;
}
