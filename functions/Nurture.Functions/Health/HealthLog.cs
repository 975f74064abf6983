using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Health;

/// <summary>Log lines of the health function.</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "A storage health probe failed with {ExceptionType}")]
    public static partial void ProbeFailed(ILogger logger, Exception exception, string exceptionType);
}
