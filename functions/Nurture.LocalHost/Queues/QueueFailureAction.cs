namespace Nurture.LocalHost.Queues;

/// <summary>What happens to a message whose handler failed.</summary>
public enum QueueFailureAction
{
    /// <summary>Make it visible again after <c>visibilityTimeout</c> for another attempt.</summary>
    Retry,

    /// <summary>Copy it to <c>&lt;queue&gt;-poison</c> and delete it: it failed <c>maxDequeueCount</c> times.</summary>
    MoveToPoison,
}
