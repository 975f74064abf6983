using System.Reflection;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Nurture.LocalHost.Binding;
using Nurture.LocalHost.Durable.Functions;
using Nurture.LocalHost.Http;
using Nurture.LocalHost.Metadata;
using Nurture.LocalHost.Timers;
using Nurture.Storage.Connections;
using Nurture.Storage.Queues;

namespace Nurture.LocalHost.Catalog;

/// <summary>
/// Turns <c>functions.metadata</c> into the catalog the host runs: each entry point resolved to its method in the app
/// assembly, each parameter bound, each <c>%Setting%</c> resolved. Every problem is collected, so one start names them all.
/// </summary>
internal static class FunctionCatalogLoader
{
    private const string DurableClientBinding = "durableClient";

    /// <summary>Loads the catalog, or throws <see cref="FunctionCatalogException"/> listing what cannot run.</summary>
    public static LocalFunctionCatalog Load(IReadOnlyList<FunctionMetadataEntry> entries, Assembly assembly, IConfiguration configuration)
    {
        var functions = new List<LocalFunction>();
        var problems = new List<string>();
        var usesDurable = false;
        foreach (var entry in entries)
        {
            try
            {
                usesDurable |= entry.Bindings.Any(b => IsType(b, DurableClientBinding));
                var function = Load(entry, assembly, configuration);
                usesDurable |= function is DurableFunction;
                functions.Add(function);
            }
            catch (BindingProblemException e)
            {
                problems.Add($"Function '{entry.Name}' ({entry.EntryPoint}): {e.Message}");
            }
            catch (DurableFunctionBindingException e)
            {
                problems.Add(e.Message);
            }
        }

        return problems.Count == 0 ? new LocalFunctionCatalog(functions, usesDurable) : throw new FunctionCatalogException(problems);
    }

    private static LocalFunction Load(FunctionMetadataEntry entry, Assembly assembly, IConfiguration configuration)
    {
        var appFile = Path.GetFileName(assembly.Location);
        if (entry.ScriptFile is { } script && !string.Equals(Path.GetFileName(script), appFile, StringComparison.OrdinalIgnoreCase))
        {
            throw new BindingProblemException($"its scriptFile '{script}' is not the app assembly '{appFile}'.");
        }

        var method = EntryPointResolver.Resolve(assembly, entry.Name, entry.EntryPoint);
        var triggers = entry.Bindings.Where(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToList();
        if (triggers.Count != 1)
        {
            throw new BindingProblemException($"it has {triggers.Count} trigger bindings; a function has exactly one.");
        }

        var trigger = triggers[0];
        var kind = Kind(trigger);
        var durableClients = entry.Bindings.Where(b => IsType(b, DurableClientBinding)).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var other in entry.Bindings.Where(b => b != trigger && !IsType(b, DurableClientBinding)))
        {
            if (!(kind == TriggerKind.Http && other.Name == "$return" && IsType(other, "http")))
            {
                throw new BindingProblemException($"binding '{other.Name}' of type '{other.Type}' is not supported by the local host; send outputs through injected SDK clients.");
            }
        }

        return kind switch
        {
            TriggerKind.Http => LoadHttp(entry, method, trigger, durableClients),
            TriggerKind.Queue => LoadQueue(entry, method, trigger, durableClients, configuration),
            TriggerKind.Timer => LoadTimer(entry, method, trigger, durableClients, configuration),
            _ => LoadDurable(entry, method, kind),
        };
    }

    private static HttpFunction LoadHttp(FunctionMetadataEntry entry, MethodInfo method, BindingMetadataEntry trigger, IReadOnlySet<string> durableClients)
    {
        var route = (trigger.GetString("route") is { Length: > 0 } declared ? declared : entry.Name).Trim('/');
        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(route);
        }
        catch (RoutePatternException e)
        {
            throw new BindingProblemException($"route '{route}' is not a valid route template: {e.Message}");
        }

        var level = trigger.GetString("authLevel") ?? nameof(AuthorizationLevel.Function);
        if (!Enum.TryParse<AuthorizationLevel>(level, ignoreCase: true, out var authLevel) || !Enum.IsDefined(authLevel))
        {
            throw new BindingProblemException($"authLevel '{level}' is not supported; use Anonymous, Function or Admin.");
        }

        var methods = (trigger.GetStrings("methods") ?? []).Select(m => m.ToUpperInvariant()).Distinct().ToList();
        var routeParameters = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var binding = FunctionBinder.Bind(method, TriggerKind.Http, trigger.Name, durableClients, routeParameters);
        return new HttpFunction(entry.Name, method, binding, route, methods, authLevel);
    }

    private static QueueFunction LoadQueue(FunctionMetadataEntry entry, MethodInfo method, BindingMetadataEntry trigger, IReadOnlySet<string> durableClients, IConfiguration configuration)
    {
        var declared = trigger.GetString("queueName") ?? throw new BindingProblemException("its queueTrigger has no queueName.");
        var queueName = Resolve(declared, configuration);
        try
        {
            QueueLimits.ValidateQueueName(queueName);
            QueueLimits.ValidateQueueName(queueName + UndecodableMessages.PoisonSuffix);
        }
        catch (ArgumentException e)
        {
            throw new BindingProblemException(e.Message.Split(" (Parameter", 2)[0]);
        }

        var binding = FunctionBinder.Bind(method, TriggerKind.Queue, trigger.Name, durableClients, new HashSet<string>());
        var connection = trigger.GetString("connection") is { Length: > 0 } named ? named : StorageConnectionSettings.DefaultConnectionName;
        return new QueueFunction(entry.Name, method, binding, queueName, connection);
    }

    private static TimerFunction LoadTimer(FunctionMetadataEntry entry, MethodInfo method, BindingMetadataEntry trigger, IReadOnlySet<string> durableClients, IConfiguration configuration)
    {
        var declared = trigger.GetString("schedule") ?? throw new BindingProblemException("its timerTrigger has no schedule.");
        var schedule = Resolve(declared, configuration);
        try
        {
            CronSchedule.Parse(schedule);
        }
        catch (FormatException e)
        {
            throw new BindingProblemException(e.Message);
        }

        var binding = FunctionBinder.Bind(method, TriggerKind.Timer, trigger.Name, durableClients, new HashSet<string>());
        return new TimerFunction(entry.Name, method, binding, schedule, trigger.GetBoolean("runOnStartup") ?? false, trigger.GetBoolean("useMonitor") ?? true);
    }

    private static DurableFunction LoadDurable(FunctionMetadataEntry entry, MethodInfo method, TriggerKind kind)
    {
        // Checked now so a bad orchestrator or activity is reported with the rest; the engine binds it again when registered.
        DurableFunctionBinder.Bind(method);
        return new DurableFunction(entry.Name, method, kind);
    }

    private static TriggerKind Kind(BindingMetadataEntry trigger) => trigger.Type.ToUpperInvariant() switch
    {
        "HTTPTRIGGER" => TriggerKind.Http,
        "QUEUETRIGGER" => TriggerKind.Queue,
        "TIMERTRIGGER" => TriggerKind.Timer,
        "ORCHESTRATIONTRIGGER" => TriggerKind.Orchestration,
        "ACTIVITYTRIGGER" => TriggerKind.Activity,
        _ => throw new BindingProblemException($"its trigger type '{trigger.Type}' is not run by the local host (http, queue, timer, orchestration and activity triggers are)."),
    };

    private static string Resolve(string value, IConfiguration configuration)
    {
        try
        {
            return BindingExpressions.Resolve(value, configuration);
        }
        catch (InvalidOperationException e)
        {
            throw new BindingProblemException(e.Message);
        }
    }

    private static bool IsType(BindingMetadataEntry binding, string type) => string.Equals(binding.Type, type, StringComparison.OrdinalIgnoreCase);
}
