using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Hosting;

/// <summary>Log lines of an invocation and of the host. Trigger details carry ids and names only, never bodies or personal data.</summary>
internal static partial class FunctionLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Executing {FunctionName} (invocation {InvocationId}, trigger {TriggerType}: {TriggerDetails})")]
    public static partial void InvocationStarted(ILogger logger, string functionName, string invocationId, string triggerType, string triggerDetails);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Executed {FunctionName} (invocation {InvocationId}): Succeeded in {DurationMs:F1} ms")]
    public static partial void InvocationSucceeded(ILogger logger, string functionName, string invocationId, double durationMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error,
        Message = "Executed {FunctionName} (invocation {InvocationId}): Failed in {DurationMs:F1} ms with {ExceptionType}")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string functionName, string invocationId, double durationMs, string exceptionType);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "{FunctionName} (invocation {InvocationId}) ran past functionTimeout {Timeout}; its cancellation token was cancelled")]
    public static partial void InvocationTimedOut(ILogger logger, string functionName, string invocationId, TimeSpan timeout);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Local functions host started: {FunctionCount} functions ({HttpCount} HTTP, {QueueCount} queue, {TimerCount} timer, {DurableCount} durable), listening on {Urls}")]
    public static partial void HostStarted(ILogger logger, int functionCount, int httpCount, int queueCount, int timerCount, int durableCount, string urls);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Mapped {FunctionName}: {Methods} {Pattern} ({AuthLevel})")]
    public static partial void HttpFunctionMapped(ILogger logger, string functionName, string methods, string pattern, string authLevel);
}
