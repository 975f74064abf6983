using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Queues;

/// <summary>Log lines of the queue listener (ids and counts only; message bodies are never logged).</summary>
internal static partial class QueueLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Listening to queue {QueueName} for {FunctionName} (batchSize {BatchSize}, newBatchThreshold {NewBatchThreshold}, maxPollingInterval {MaxPollingInterval})")]
    public static partial void ListenerStarted(ILogger logger, string functionName, string queueName, int batchSize, int newBatchThreshold, TimeSpan maxPollingInterval);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Stopped fetching from queue {QueueName} for {FunctionName}; finishing {InFlight} messages in flight")]
    public static partial void ListenerStopping(ILogger logger, string functionName, string queueName, int inFlight);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Polling queue {QueueName} failed with {ExceptionType}; retrying in {Delay}")]
    public static partial void PollFailed(ILogger logger, Exception exception, string queueName, string exceptionType, TimeSpan delay);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Message {MessageId} of queue {QueueName} failed attempt {DequeueCount} of {MaxDequeueCount}; it becomes visible again in {VisibilityTimeout}")]
    public static partial void RetryScheduled(ILogger logger, string queueName, string messageId, long dequeueCount, int maxDequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error,
        Message = "Message {MessageId} of queue {QueueName} failed {DequeueCount} times and was moved to {PoisonQueueName}. Last failure: {ExceptionType}: {Reason}")]
    public static partial void MovedToPoison(ILogger logger, string queueName, string messageId, long dequeueCount, string poisonQueueName, string exceptionType, string reason);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning,
        Message = "Completing message {MessageId} of queue {QueueName} failed with {ExceptionType}; it will be delivered again when its visibility expires")]
    public static partial void CompletionFailed(ILogger logger, Exception exception, string queueName, string messageId, string exceptionType);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning,
        Message = "Renewing the visibility of message {MessageId} of queue {QueueName} failed with {ExceptionType}")]
    public static partial void RenewalFailed(ILogger logger, Exception exception, string queueName, string messageId, string exceptionType);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning,
        Message = "Message {MessageId} of queue {QueueName} was gone before it could be deleted (another consumer may process it again)")]
    public static partial void DeleteFoundNothing(ILogger logger, string queueName, string messageId);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Error,
        Message = "Message {MessageId} of queue {QueueName} is not base64 text, so no queue function can read it; it was moved to {QueueName}-poison unrun")]
    public static partial void UndecodableMovedToPoison(ILogger logger, string queueName, string messageId);
}
