namespace Nurture.Functions.Queues;

/// <summary>What happens to a message whose handler failed.</summary>
public enum QueueFailureAction
{
    /// <summary>Make it visible again after <c>visibilityTimeout</c> for another attempt.</summary>
    Retry,

    /// <summary>Copy it to <c>&lt;queue&gt;-poison</c> and delete it: it failed <c>maxDequeueCount</c> times.</summary>
    MoveToPoison,
}

/// <summary>The pure rule behind <see cref="QueueFailureAction"/>.</summary>
public static class QueueFailurePolicy
{
    /// <summary>Poison once the message has been dequeued <paramref name="maxDequeueCount"/> times, retry before.</summary>
    public static QueueFailureAction Decide(long dequeueCount, int maxDequeueCount) =>
        dequeueCount >= maxDequeueCount ? QueueFailureAction.MoveToPoison : QueueFailureAction.Retry;
}
