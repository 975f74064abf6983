using System.Reflection;
using Microsoft.DurableTask;
using Nurture.LocalHost.Durable.Functions;

namespace Nurture.LocalHost.Durable;

/// <summary>
/// The orchestrators and activities the engine runs, by name: either <see cref="ITaskOrchestrator"/> /
/// <see cref="ITaskActivity"/> factories, or the app's <c>[Function]</c> methods with Durable triggers, which are
/// checked here so a method the engine cannot bind fails at registration with the function's name.
/// </summary>
/// <remarks>Names compare case-insensitively, as function names do in Azure Functions.</remarks>
public sealed class DurableTaskRegistrations
{
    private readonly Dictionary<string, Func<DurableTaskActivation, ITaskOrchestrator>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<DurableTaskActivation, ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of the registered orchestrators.</summary>
    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    /// <summary>Names of the registered activities.</summary>
    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    internal IReadOnlyDictionary<string, Func<DurableTaskActivation, ITaskOrchestrator>> Orchestrators => _orchestrators;

    internal IReadOnlyDictionary<string, Func<DurableTaskActivation, ITaskActivity>> Activities => _activities;

    /// <summary>Registers an orchestrator; the factory is called for every episode (a fresh shim each time).</summary>
    public DurableTaskRegistrations AddOrchestrator(TaskName name, Func<DurableTaskActivation, ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Add(_orchestrators, name, factory, "orchestrator");
        return this;
    }

    /// <summary>Registers an activity; the factory is called for every execution.</summary>
    public DurableTaskRegistrations AddActivity(TaskName name, Func<DurableTaskActivation, ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Add(_activities, name, factory, "activity");
        return this;
    }

    /// <summary>Registers a <c>[Function]</c> method with an <c>[OrchestrationTrigger]</c> or <c>[ActivityTrigger]</c> parameter.</summary>
    /// <exception cref="DurableFunctionBindingException">The method cannot be bound; the message names the function and why.</exception>
    public DurableTaskRegistrations AddFunction(MethodInfo method)
    {
        var function = DurableFunctionBinder.Bind(method);
        return function.Kind == DurableFunctionKind.Orchestrator
            ? AddOrchestrator(new TaskName(function.Name), activation => new FunctionOrchestrator(function, activation))
            : AddActivity(new TaskName(function.Name), activation => new FunctionActivity(function, activation));
    }

    /// <summary>Registers several <c>[Function]</c> methods, failing on the first that cannot be bound.</summary>
    public DurableTaskRegistrations AddFunctions(IEnumerable<MethodInfo> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        foreach (var method in methods)
        {
            AddFunction(method);
        }

        return this;
    }

    private static void Add<T>(Dictionary<string, T> registry, TaskName name, T factory, string kind)
    {
        if (string.IsNullOrWhiteSpace(name.Name))
        {
            throw new ArgumentException($"An {kind} needs a name.", nameof(name));
        }

        if (!registry.TryAdd(name.Name, factory))
        {
            throw new InvalidOperationException($"The {kind} '{name.Name}' is registered twice.");
        }
    }
}
