using System.Reflection;
using System.Text.Json.Nodes;

namespace Nurture.LocalHost.Tests.Support;

/// <summary>
/// Writes <c>functions.metadata</c> entries in the Worker SDK's format (see the samples in
/// <c>Metadata/FunctionMetadataReaderTests</c>) for test function methods, so tests declare their app the way the SDK would.
/// </summary>
public static class MetadataJson
{
    public static JsonObject HttpEntry(MethodInfo method, string authLevel, string[] methods, string? route = null, string trigger = "req", params JsonObject[] extra)
    {
        var binding = Binding(trigger, "httpTrigger");
        binding["authLevel"] = authLevel;
        binding["methods"] = new JsonArray([.. methods.Select(m => JsonValue.Create(m))]);
        if (route is not null)
        {
            binding["route"] = route;
        }

        return Function(method, [binding, .. extra, new JsonObject { ["name"] = "$return", ["type"] = "http", ["direction"] = "Out" }]);
    }

    public static JsonObject QueueEntry(MethodInfo method, string queueName, string trigger = "message", params JsonObject[] extra)
    {
        var binding = Binding(trigger, "queueTrigger");
        binding["dataType"] = "String";
        binding["queueName"] = queueName;
        binding["connection"] = "AzureWebJobsStorage";
        return Function(method, [binding, .. extra]);
    }

    public static JsonObject TimerEntry(MethodInfo method, string schedule, bool runOnStartup = false, bool useMonitor = true, string trigger = "timer")
    {
        var binding = Binding(trigger, "timerTrigger");
        binding["schedule"] = schedule;
        binding["runOnStartup"] = runOnStartup;
        binding["useMonitor"] = useMonitor;
        return Function(method, [binding]);
    }

    public static JsonObject OrchestrationEntry(MethodInfo method, string trigger = "context") => Function(method, [Binding(trigger, "orchestrationTrigger")]);

    public static JsonObject ActivityEntry(MethodInfo method, string trigger = "input")
    {
        var binding = Binding(trigger, "activityTrigger");
        binding["dataType"] = "String";
        return Function(method, [binding]);
    }

    public static JsonObject DurableClient(string name = "client") => Binding(name, "durableClient");

    public static string Of(params JsonObject[] functions) => new JsonArray([.. functions]).ToJsonString();

    public static MethodInfo Method<T>(string name) =>
        typeof(T).GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            ?? throw new ArgumentException($"{typeof(T).Name} has no method {name}.", nameof(name));

    private static JsonObject Function(MethodInfo method, JsonObject[] bindings)
    {
        var name = method.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>()?.Name ?? method.Name;
        return new JsonObject
        {
            ["name"] = name,
            ["scriptFile"] = Path.GetFileName(method.Module.Assembly.Location),
            ["entryPoint"] = $"{method.DeclaringType!.FullName}.{method.Name}",
            ["language"] = "dotnet-isolated",
            ["properties"] = new JsonObject { ["IsCodeless"] = false },
            ["bindings"] = new JsonArray([.. bindings]),
        };
    }

    private static JsonObject Binding(string name, string type) =>
        new() { ["name"] = name, ["direction"] = "In", ["type"] = type, ["properties"] = new JsonObject() };
}
