using System.Text.Json;

namespace Nurture.Functions.Tests.Publishing;

/// <summary>
/// One function as <c>functions.metadata</c> declares it, flattened to comparable text: the trigger, its auth level
/// and methods (HTTP), what it listens on (route, queue and connection, or schedule) and the other input bindings.
/// </summary>
/// <param name="Name">The function's name.</param>
/// <param name="Trigger">The trigger binding's type, e.g. <c>httpTrigger</c>.</param>
/// <param name="AuthLevel">The HTTP auth level, or null for other triggers.</param>
/// <param name="Methods">The HTTP methods, comma-separated, or null.</param>
/// <param name="Source">The route, <c>queue@connection</c> or schedule the trigger listens on, or null.</param>
/// <param name="Inputs">The other input bindings' types, comma-separated (e.g. <c>durableClient</c>), or empty.</param>
public sealed record PublishedFunction(string Name, string Trigger, string? AuthLevel, string? Methods, string? Source, string Inputs)
{
    /// <summary>An HTTP function.</summary>
    public static PublishedFunction Http(string name, string authLevel, string method, string route, string inputs = "") =>
        new(name, "httpTrigger", authLevel, method, route, inputs);

    /// <summary>A queue function on the app's storage connection.</summary>
    public static PublishedFunction Queue(string name, string queue, string inputs = "") =>
        new(name, "queueTrigger", null, null, queue + "@AzureWebJobsStorage", inputs);

    /// <summary>A timer function.</summary>
    public static PublishedFunction Timer(string name, string schedule, string inputs = "") =>
        new(name, "timerTrigger", null, null, schedule, inputs);

    /// <summary>A Durable activity.</summary>
    public static PublishedFunction Activity(string name) => new(name, "activityTrigger", null, null, null, "");

    /// <summary>A Durable orchestrator.</summary>
    public static PublishedFunction Orchestrator(string name) => new(name, "orchestrationTrigger", null, null, null, "");

    /// <summary>Reads one entry of <c>functions.metadata</c>.</summary>
    public static PublishedFunction Read(JsonElement function)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => Text(b, "type")!.EndsWith("Trigger", StringComparison.Ordinal));
        var inputs = bindings
            .Where(b => !b.Equals(trigger) && Text(b, "name") != "$return" && Text(b, "direction") == "In")
            .Select(b => Text(b, "type"));
        var methods = trigger.TryGetProperty("methods", out var list)
            ? string.Join(",", list.EnumerateArray().Select(m => m.GetString()))
            : null;
        var source = Text(trigger, "route")
            ?? (Text(trigger, "queueName") is { } queue ? queue + "@" + Text(trigger, "connection") : null)
            ?? Text(trigger, "schedule");
        return new PublishedFunction(
            Text(function, "name")!,
            Text(trigger, "type")!,
            Text(trigger, "authLevel"),
            methods,
            source,
            string.Join(",", inputs));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
