using System.Text.Json.Nodes;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Journeys.Tests.Infrastructure;

/// <summary>The shipped example journeys with time shrunk, so a test walks a week-long journey in seconds.</summary>
public static class TestJourneys
{
    /// <summary>
    /// The example with every delay and wait timeout set to <paramref name="duration"/>, no local-time alignment and
    /// no best-time windows (their hours cannot shrink: the send-time tests check those deferrals).
    /// </summary>
    public static JourneyDefinition Compressed(string example, string duration = "00:00:01") => WithDurations(example, Enumerable.Repeat(duration, 100).ToArray());

    /// <summary>
    /// The example with its delays and wait timeouts set to <paramref name="durations"/> in node order, no local-time
    /// alignment and no best-time windows.
    /// </summary>
    public static JourneyDefinition WithDurations(string example, params string[] durations) => WithDurations(example, keepBestTime: false, durations);

    /// <summary>As <see cref="WithDurations(string, string[])"/>, keeping the best-time windows when <paramref name="keepBestTime"/>.</summary>
    public static JourneyDefinition WithDurations(string example, bool keepBestTime, params string[] durations)
    {
        var document = JsonNode.Parse(JourneyExamples.ReadJson(example))!.AsObject();
        var next = 0;
        foreach (var node in document["nodes"]!.AsArray().OfType<JsonObject>())
        {
            node.Remove("at_local_time");
            if (!keepBestTime)
            {
                node.Remove("best_time");
            }

            foreach (var key in new[] { "duration", "timeout" })
            {
                if (node.ContainsKey(key) && next < durations.Length)
                {
                    node[key] = durations[next++];
                }
            }
        }

        return JourneyJson.Parse(document.ToJsonString());
    }
}
