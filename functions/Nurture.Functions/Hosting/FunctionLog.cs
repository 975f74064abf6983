using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Hosting;

/// <summary>Log lines of an invocation. Trigger details carry ids and names only, never message bodies or personal data.</summary>
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

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Nurture functions host started in {Mode} mode with {FunctionCount} functions")]
    public static partial void HostStarted(ILogger logger, FunctionHostMode mode, int functionCount);
}
