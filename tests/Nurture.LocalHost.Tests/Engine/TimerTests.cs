using System.Globalization;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Engine;

/// <summary>
/// Durable timers on the Azure Storage provider: the timer message's visibility delay is whole seconds, so a timer
/// can resume its orchestration up to about a second early; the orchestration code re-arms for that. This measures it.
/// </summary>
public sealed class TimerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Timers_ResumeAtMostAboutASecondEarly_AndWithinTheQueuePollingOfTheirDueTime()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var requests = Enumerable.Range(0, 6)
            .Select(i => new TimerProbeRequest([.. Enumerable.Range(0, 5).Select(k => Math.Round(1.1 + (0.37 * k) + (0.13 * i), 2))]))
            .ToList();

        var ids = new List<string>();
        foreach (var request in requests)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerProbeFunctions.TimerProbeOrchestration), request));
        }

        var samples = new List<TimerProbeSample>();
        foreach (var id in ids)
        {
            samples.AddRange((await Deadline.CompletionAsync(host.Client, id)).ReadOutputAs<List<TimerProbeSample>>()!);
        }

        var lateness = samples.Select(s => s.LatenessMs).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{lateness.Count} timers: {lateness.Count(l => l < 0)} early; lateness ms min {lateness[0]:F0}, p10 {Percentile(lateness, 0.1):F0}, " +
            $"median {Percentile(lateness, 0.5):F0}, p90 {Percentile(lateness, 0.9):F0}, max {lateness[^1]:F0}"));
        output.WriteLine(string.Join(", ", samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.DelaySeconds:F2}s:{s.LatenessMs:F0}"))));
        Assert.Equal(30, lateness.Count);
        Assert.True(lateness[0] > -1100, $"A timer resumed {-lateness[0]:F0} ms early.");
        Assert.True(lateness[^1] < 15_000, $"A timer resumed {lateness[^1]:F0} ms late; the queue polling interval is not in effect.");
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[(int)Math.Round(fraction * (sorted.Count - 1))];
}
