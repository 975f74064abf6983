using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>
/// Checks that a <c>[Function]</c> method can run on the local engine and works out what each parameter gets:
/// an orchestrator takes <c>[OrchestrationTrigger] TaskOrchestrationContext</c> (and optionally a
/// <see cref="FunctionContext"/>); an activity takes <c>[ActivityTrigger] T input</c> (and optionally a
/// <see cref="CancellationToken"/> and a <see cref="FunctionContext"/>).
/// </summary>
internal static class DurableFunctionBinder
{
    /// <summary>Binds the method, or throws <see cref="DurableFunctionBindingException"/> naming the function.</summary>
    public static DurableFunctionMethod Bind(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var function = method.GetCustomAttribute<FunctionAttribute>();
        var functionName = function?.Name ?? method.Name;
        if (function is null)
        {
            throw new DurableFunctionBindingException(functionName, method, "the method has no [Function] attribute.");
        }

        if (method.ContainsGenericParameters || (!method.IsStatic && method.DeclaringType is not { IsAbstract: false }))
        {
            throw new DurableFunctionBindingException(functionName, method, "the method must be static or belong to a concrete, non-generic class.");
        }

        var parameters = method.GetParameters();
        var orchestration = parameters.Where(p => p.IsDefined(typeof(OrchestrationTriggerAttribute), inherit: false)).ToList();
        var activity = parameters.Where(p => p.IsDefined(typeof(ActivityTriggerAttribute), inherit: false)).ToList();
        if (orchestration.Count + activity.Count != 1)
        {
            throw new DurableFunctionBindingException(functionName, method, "it needs exactly one [OrchestrationTrigger] or [ActivityTrigger] parameter.");
        }

        return orchestration.Count == 1
            ? BindOrchestrator(functionName, method, parameters, orchestration[0])
            : BindActivity(functionName, method, parameters, activity[0]);
    }

    private static DurableFunctionMethod BindOrchestrator(string functionName, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger)
    {
        if (trigger.ParameterType != typeof(TaskOrchestrationContext))
        {
            throw new DurableFunctionBindingException(functionName, method, $"its [OrchestrationTrigger] parameter '{trigger.Name}' must be a {nameof(TaskOrchestrationContext)}, not {trigger.ParameterType.Name}.");
        }

        var roles = parameters.Select(p => p == trigger
            ? FunctionParameterRole.OrchestrationContext
            : p.ParameterType == typeof(FunctionContext)
                ? FunctionParameterRole.FunctionContext
                : throw new DurableFunctionBindingException(functionName, method, $"parameter '{p.Name}' ({p.ParameterType.Name}) cannot be bound: an orchestrator takes its {nameof(TaskOrchestrationContext)} and optionally a {nameof(FunctionContext)}; read the input with GetInput<T>().")).ToList();
        var name = trigger.GetCustomAttribute<OrchestrationTriggerAttribute>()?.Orchestration;
        return new DurableFunctionMethod(string.IsNullOrEmpty(name) ? functionName : name, DurableFunctionKind.Orchestrator, method, roles, typeof(object), FunctionReturn.For(method));
    }

    private static DurableFunctionMethod BindActivity(string functionName, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger)
    {
        if (trigger.ParameterType == typeof(TaskActivityContext) || trigger.ParameterType.IsByRef)
        {
            throw new DurableFunctionBindingException(functionName, method, $"its [ActivityTrigger] parameter '{trigger.Name}' must be the activity's input type, not {trigger.ParameterType.Name}.");
        }

        var roles = parameters.Select(p => p == trigger
            ? FunctionParameterRole.ActivityInput
            : p.ParameterType == typeof(FunctionContext)
                ? FunctionParameterRole.FunctionContext
                : p.ParameterType == typeof(CancellationToken)
                    ? FunctionParameterRole.CancellationToken
                    : throw new DurableFunctionBindingException(functionName, method, $"parameter '{p.Name}' ({p.ParameterType.Name}) cannot be bound: an activity takes its [ActivityTrigger] input and optionally a {nameof(CancellationToken)} and a {nameof(FunctionContext)}.")).ToList();
        var name = trigger.GetCustomAttribute<ActivityTriggerAttribute>()?.Activity;
        return new DurableFunctionMethod(string.IsNullOrEmpty(name) ? functionName : name, DurableFunctionKind.Activity, method, roles, trigger.ParameterType, FunctionReturn.For(method));
    }
}
