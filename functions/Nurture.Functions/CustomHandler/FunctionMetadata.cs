using System.Text.Json.Nodes;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.CustomHandler;

/// <summary>
/// The Azure Functions metadata generated from the catalog: one <c>function.json</c> per function and the
/// <c>customHandler</c> section of <c>host.json</c>. Never written by hand.
/// </summary>
public static class FunctionMetadata
{
    /// <summary>The file each function's folder holds.</summary>
    public const string FunctionJsonFileName = "function.json";

    /// <summary>The executable the Functions host starts (the app host of this project, next to <c>host.json</c>).</summary>
    public const string ExecutableName = "Nurture.Functions";

    /// <summary>The <c>function.json</c> of one function.</summary>
    public static JsonObject BuildFunctionJson(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var bindings = new JsonArray();
        switch (function)
        {
            case HttpFunction http:
                var trigger = Binding(HttpTrigger.Type, InvocationPayload.HttpBindingName);
                trigger["authLevel"] = http.Http.AuthLevel.ToString().ToLowerInvariant();
                trigger["methods"] = new JsonArray([.. http.Http.Methods.Select(m => (JsonNode)m.ToLowerInvariant())]);
                trigger["route"] = http.Http.Route ?? http.Name;
                bindings.Add(trigger);
                var output = new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = InvocationPayload.HttpOutputBindingName };
                bindings.Add(output);
                break;
            case QueueFunction queue:
                var queueTrigger = Binding(QueueTrigger.Type, InvocationPayload.QueueBindingName);
                queueTrigger["queueName"] = queue.Queue.QueueName;
                queueTrigger["connection"] = queue.Queue.Connection;
                bindings.Add(queueTrigger);
                break;
            case TimerFunction timer:
                var timerTrigger = Binding(TimerTrigger.Type, InvocationPayload.TimerBindingName);
                timerTrigger["schedule"] = timer.Timer.Schedule;
                timerTrigger["runOnStartup"] = timer.Timer.RunOnStartup;
                if (timer.Timer.UseMonitor is { } useMonitor)
                {
                    timerTrigger["useMonitor"] = useMonitor;
                }

                bindings.Add(timerTrigger);
                break;
            default:
                throw new NotSupportedException($"Function '{function.Name}' has a trigger the metadata writer does not know.");
        }

        return new JsonObject { ["bindings"] = bindings };
    }

    /// <summary>The <c>customHandler</c> section: start the app host, forward HTTP requests as they are.</summary>
    public static JsonObject BuildCustomHandlerSection() => new()
    {
        ["description"] = new JsonObject
        {
            ["defaultExecutablePath"] = ExecutableName,
            ["workingDirectory"] = string.Empty,
            ["arguments"] = new JsonArray(),
        },
        ["enableForwardingHttpRequest"] = true,
    };

    private static JsonObject Binding(string type, string name) => new() { ["type"] = type, ["direction"] = "in", ["name"] = name };
}
