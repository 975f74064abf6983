using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Journeys;

/// <summary><c>RepairJourneys</c>: every five minutes, nudges instances that nothing is moving any more (<see cref="JourneyRepair"/>).</summary>
public static class RepairJourneysFunction
{
    /// <summary>The schedule: at second 0 of every fifth minute.</summary>
    public const string Schedule = "0 */5 * * * *";

    /// <summary>The catalog entry.</summary>
    public static TimerFunction Definition { get; } = new(
        FunctionNames.RepairJourneys,
        new TimerTrigger(Schedule),
        (_, context) => context.Services.GetRequiredService<JourneyRepair>().RunAsync(context.CancellationToken));
}
