using System.Diagnostics;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;

namespace Nurture.Benchmarks.SendTime;

/// <summary>What one send-time decision costs in process: <see cref="SendTimeAdvisor.Advise"/> (zone, estimate, choice) on one thread.</summary>
public static class DecisionCost
{
    /// <summary>Decisions per CPU-second and per wall-clock second over a loop of about <paramref name="seconds"/>.</summary>
    public static (double PerCpuSecond, double PerSecond, int Decisions) Measure(PreparedPopulation prepared, ShopSendTimePattern pattern, SendTimeOptions options, double seconds)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var inputs = prepared.Profiles
            .Select((p, i) => (
                Model: p.SendTime.IsEmpty ? null : p.SendTime.DecayedTo(prepared.Decisions[i], prepared.ProfileOptions.EngagementHalfLife),
                Zone: p.Attribute(ProfileAttributes.TimeZone),
                Now: prepared.Decisions[i],
                Key: "m-" + p.ContactId))
            .ToArray();

        // Warm up (JIT tiers, caches) with two passes, then time whole passes over the population on this thread.
        foreach (var input in inputs.Concat(inputs))
        {
            SendTimeAdvisor.Advise(input.Model, input.Zone, pattern, input.Now, SendTimeEvaluation.Window, explorationKey: input.Key, options: options);
        }

        var decisions = 0;
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var input in inputs)
            {
                SendTimeAdvisor.Advise(input.Model, input.Zone, pattern, input.Now, SendTimeEvaluation.Window, explorationKey: input.Key, options: options);
                decisions++;
            }
        }

        var wall = clock.Elapsed.TotalSeconds;
        var used = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        return (decisions / Math.Max(used, 1e-9), decisions / wall, decisions);
    }
}
