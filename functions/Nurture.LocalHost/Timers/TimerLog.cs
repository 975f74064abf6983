using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Timers;

/// <summary>Log lines of the timer scheduler.</summary>
internal static partial class TimerLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "Timer {FunctionName} scheduled '{Schedule}' in {TimeZone} (useMonitor {UseMonitor}, runOnStartup {RunOnStartup}); instance {InstanceId} competes for its lease")]
    public static partial void TimerStarted(ILogger logger, string functionName, string schedule, string timeZone, bool useMonitor, bool runOnStartup, string instanceId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "Instance {InstanceId} holds the lease of timer {FunctionName}; next occurrence {Next:O}")]
    public static partial void LeaseTaken(ILogger logger, string functionName, string instanceId, DateTimeOffset next);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning,
        Message = "Instance {InstanceId} lost the lease of timer {FunctionName}; another instance runs it now")]
    public static partial void LeaseLost(ILogger logger, string functionName, string instanceId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning,
        Message = "Timer {FunctionName} is past due: the occurrence of {ScheduledFor:O} runs late, once")]
    public static partial void PastDue(ILogger logger, string functionName, DateTimeOffset scheduledFor);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning,
        Message = "Timer {FunctionName}: storage failed with {ExceptionType}; retrying in {Delay}")]
    public static partial void StorageFailed(ILogger logger, Exception exception, string functionName, string exceptionType, TimeSpan delay);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information,
        Message = "Timer {FunctionName} run failed; the schedule continues with {Next:O}")]
    public static partial void RunFailed(ILogger logger, string functionName, DateTimeOffset next);
}
