using System.Globalization;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Benchmarks.Journeys;

/// <summary>The journeys the suite runs: entry → send_email → exit, and a delay followed by an exit.</summary>
internal static class BenchJourneys
{
    public const string SendId = "bench-send";

    public static MessageTemplate EmailTemplate { get; } = new("bench-email", "Hi {{first_name}}, thanks for staying with us.", "{{first_name}}, a note from us");

    /// <summary>Started through the API entry: one email (high priority, so no stagger), then the exit.</summary>
    public static JourneyDefinition Send { get; } = JourneyJson.Parse($$"""
        {
          "id": "{{SendId}}",
          "name": "Benchmark: one email",
          "version": 1,
          "entry": { "kind": "api" },
          "re_entry": { "mode": "always" },
          "start": "email",
          "nodes": [
            {
              "type": "send_email",
              "id": "email",
              "template": "{{EmailTemplate.Id}}",
              "channel": { "sender": "shop@example.com", "subject": "A note", "category": "bench" },
              "priority": "high",
              "next": "done"
            },
            { "type": "exit", "id": "done", "reason": "benchmark done" }
          ]
        }
        """);

    public static string WaitId(int seconds) => string.Create(CultureInfo.InvariantCulture, $"bench-wait-{seconds}s");

    /// <summary>A delay of whole seconds, then an exit: the wake-up decision is the instance's last.</summary>
    public static JourneyDefinition Wait(int seconds) => JourneyJson.Parse(string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "id": "{{WaitId(seconds)}}",
          "name": "Benchmark: wait {{seconds}} s",
          "version": 1,
          "entry": { "kind": "api" },
          "re_entry": { "mode": "always" },
          "start": "wait",
          "nodes": [
            { "type": "delay", "id": "wait", "duration": "{{TimeSpan.FromSeconds(seconds):c}}", "next": "done" },
            { "type": "exit", "id": "done", "reason": "woke up" }
          ]
        }
        """));
}
