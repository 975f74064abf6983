using Microsoft.Extensions.Logging;

namespace Nurture.Functions.SendTime;

/// <summary>The send-time log messages.</summary>
internal static partial class SendTimeLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Shop send-time pattern built from {ContactCount} contacts with evidence ({ProfileCount} profiles read, evidence weight {EvidenceWeight:0.#})")]
    public static partial void PatternBuilt(ILogger logger, int contactCount, int profileCount, double evidenceWeight);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Shop send-time pattern kept: built at {BuiltAt:O}, within {RelearnAfter} of now")]
    public static partial void PatternKept(ILogger logger, DateTimeOffset builtAt, TimeSpan relearnAfter);
}
