using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Tests.Infrastructure;

/// <summary>Short forms of the SDK queue calls tests make over and over.</summary>
public static class QueueTestExtensions
{
    /// <summary>Sends through Nurture's checked path (<see cref="QueueClientExtensions.EnqueueAsync"/>).</summary>
    public static Task SendAsync(this QueueClient queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null) =>
        queue.EnqueueAsync(text, visibilityDelay, timeToLive);

    /// <summary>Receives up to <paramref name="maxMessages"/> messages.</summary>
    public static async Task<QueueMessage[]> ReceiveAsync(this QueueClient queue, int maxMessages = 1, TimeSpan? visibilityTimeout = null) =>
        (await queue.ReceiveMessagesAsync(maxMessages, visibilityTimeout).ConfigureAwait(false)).Value;

    /// <summary>Peeks at up to <paramref name="maxMessages"/> messages; none when the queue does not exist.</summary>
    public static async Task<PeekedMessage[]> PeekAsync(this QueueClient queue, int maxMessages = 1) =>
        await queue.ExistsAsync().ConfigureAwait(false) ? (await queue.PeekMessagesAsync(maxMessages).ConfigureAwait(false)).Value : [];

    /// <summary>The service's approximate message count.</summary>
    public static async Task<int> GetApproximateMessageCountAsync(this QueueClient queue) =>
        (await queue.GetPropertiesAsync().ConfigureAwait(false)).Value.ApproximateMessagesCount;
}
