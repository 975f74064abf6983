namespace Nurture.LocalHost.Queues;

/// <summary>The pure rule behind <see cref="QueueFailureAction"/>.</summary>
public static class QueueFailurePolicy
{
    /// <summary>Poison once the message has been dequeued <paramref name="maxDequeueCount"/> times, retry before.</summary>
    public static QueueFailureAction Decide(long dequeueCount, int maxDequeueCount) =>
        dequeueCount >= maxDequeueCount ? QueueFailureAction.MoveToPoison : QueueFailureAction.Retry;
}
