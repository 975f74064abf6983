using Azure.Data.Tables;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>Writes the timer monitor's row so a timer's last run reads as missed: the next host fires it, past due, at start.</summary>
public static class MissedTimerRun
{
    /// <summary>Marks the run of <paramref name="functionName"/> due one <paramref name="period"/> ago as missed (the one before it ran).</summary>
    /// <param name="tables">The Table service the host will use.</param>
    /// <param name="functionName">The timer function.</param>
    /// <param name="period">The timer's period (an hour for the hourly timers, a day for the daily ones).</param>
    public static async Task MarkAsync(TableServiceClient tables, string functionName, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var now = DateTimeOffset.UtcNow;
        var status = tables.GetTableClient("NurtureTimerStatus");
        await status.CreateIfNotExistsAsync();
        await status.UpsertEntityAsync(new TableEntity("timer", functionName)
        {
            ["Last"] = now - (2 * period),
            ["Next"] = now - period,
            ["LastUpdated"] = now - (2 * period),
        });
    }
}
