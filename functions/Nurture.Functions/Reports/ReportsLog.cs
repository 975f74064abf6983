using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Reports;

/// <summary>The report timers' log messages (event ids 1400-1419).</summary>
internal static partial class ReportsLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Kept the {Kind} report computed at {ComputedAt} (refreshed after {RefreshAfter}).")]
    public static partial void ReportKept(ILogger logger, string kind, DateTimeOffset computedAt, TimeSpan refreshAfter);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Computed the {Kind} report: read {Days} days from {From}, stored {Facts} facts, {Rebuild}.")]
    public static partial void ReportComputed(ILogger logger, string kind, int days, DateOnly? from, int facts, string rebuild);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Scored contacts: read {Days} days from {From}, model rebuilt {ModelRebuilt}, rescored {Rescored} ({Due} by ageing), {StageChanges} stage changes, {Contacts} contacts in the report.")]
    public static partial void ContactsScored(ILogger logger, int days, DateOnly? from, bool modelRebuilt, int rescored, int due, int stageChanges, int contacts);
}
