using System.Reflection;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Durable.Functions;

namespace Nurture.LocalHost.Binding;

/// <summary>
/// Works out, at start, what each parameter of an HTTP, queue or timer function method gets, the way the isolated
/// worker binds them: the trigger by its binding name, <c>[DurableClient]</c> parameters by theirs, plus
/// <see cref="CancellationToken"/> and <see cref="FunctionContext"/>; HTTP route values by parameter name.
/// Anything else is a <see cref="BindingProblemException"/> naming the parameter.
/// </summary>
internal static class FunctionBinder
{
    private static readonly Type[] RouteValueTypes = [typeof(string), typeof(int), typeof(long), typeof(Guid), typeof(bool)];

    /// <summary>Binds a function method for <paramref name="trigger"/>.</summary>
    /// <param name="method">The method.</param>
    /// <param name="trigger">Its trigger (HTTP, queue or timer).</param>
    /// <param name="triggerName">The trigger binding's name: the parameter that receives the trigger value.</param>
    /// <param name="durableClients">Names of the function's <c>durableClient</c> bindings.</param>
    /// <param name="routeParameters">HTTP only: the route's parameter names.</param>
    public static BoundMethod Bind(MethodInfo method, TriggerKind trigger, string triggerName, IReadOnlySet<string> durableClients, IReadOnlySet<string> routeParameters)
    {
        if (method.ContainsGenericParameters || (!method.IsStatic && method.DeclaringType is not { IsAbstract: false }))
        {
            throw new BindingProblemException("the method must be static or belong to a concrete, non-generic class.");
        }

        var parameters = method.GetParameters().Select(p => BindParameter(p, trigger, triggerName, durableClients, routeParameters)).ToList();
        if (trigger == TriggerKind.Http && !parameters.Any(p => p.Source == ParameterSource.HttpRequest))
        {
            throw new BindingProblemException($"no parameter is named '{triggerName}' after its httpTrigger binding.");
        }

        if (trigger != TriggerKind.Http && !parameters.Any(p => p.Source is ParameterSource.QueueText or ParameterSource.QueueBinary or ParameterSource.QueueMessage or ParameterSource.QueueJson or ParameterSource.TimerInfo))
        {
            throw new BindingProblemException($"no parameter is named '{triggerName}' after its trigger binding.");
        }

        return new BoundMethod(method, parameters, FunctionReturn.For(method), ReturnKind(method, trigger));
    }

    private static BoundParameter BindParameter(ParameterInfo parameter, TriggerKind trigger, string triggerName, IReadOnlySet<string> durableClients, IReadOnlySet<string> routeParameters)
    {
        var name = parameter.Name ?? string.Empty;
        var type = parameter.ParameterType;
        if (type.IsByRef)
        {
            throw Problem(parameter, "ref and out parameters cannot be bound.");
        }

        if (type == typeof(CancellationToken))
        {
            return new(name, type, ParameterSource.CancellationToken);
        }

        if (type == typeof(FunctionContext))
        {
            return new(name, type, ParameterSource.FunctionContext);
        }

        if (typeof(DurableTaskClient).IsAssignableFrom(type))
        {
            return durableClients.Contains(name)
                ? new(name, type, ParameterSource.DurableClient)
                : throw Problem(parameter, "functions.metadata has no durableClient binding of that name; mark the parameter [DurableClient].");
        }

        if (string.Equals(name, triggerName, StringComparison.Ordinal))
        {
            return new(name, type, TriggerSource(parameter, trigger));
        }

        if (trigger == TriggerKind.Http)
        {
            if (type == typeof(HttpContext))
            {
                return new(name, type, ParameterSource.HttpContext);
            }

            if (routeParameters.Contains(name))
            {
                var valueType = Nullable.GetUnderlyingType(type) ?? type;
                return RouteValueTypes.Contains(valueType)
                    ? new(name, type, ParameterSource.RouteValue)
                    : throw Problem(parameter, $"a route value binds to string, int, long, Guid or bool, not {type.Name}.");
            }
        }

        throw Problem(parameter, trigger == TriggerKind.Http
            ? "it is neither the trigger, a route value, a CancellationToken, a FunctionContext nor a [DurableClient]; inject services through the class's constructor."
            : "it is neither the trigger, a CancellationToken, a FunctionContext nor a [DurableClient]; inject services through the class's constructor.");
    }

    private static ParameterSource TriggerSource(ParameterInfo parameter, TriggerKind trigger)
    {
        var type = parameter.ParameterType;
        switch (trigger)
        {
            case TriggerKind.Http when type == typeof(HttpRequest):
                return ParameterSource.HttpRequest;
            case TriggerKind.Http:
                throw Problem(parameter, $"an httpTrigger binds to ASP.NET Core's HttpRequest, not {type.Name}.");
            case TriggerKind.Timer when type == typeof(TimerInfo):
                return ParameterSource.TimerInfo;
            case TriggerKind.Timer:
                throw Problem(parameter, $"a timerTrigger binds to Microsoft.Azure.Functions.Worker.TimerInfo, not {type.Name}.");
            case TriggerKind.Queue when type == typeof(string):
                return ParameterSource.QueueText;
            case TriggerKind.Queue when type == typeof(BinaryData):
                return ParameterSource.QueueBinary;
            case TriggerKind.Queue when type == typeof(QueueMessage):
                return ParameterSource.QueueMessage;
            case TriggerKind.Queue when type.IsPrimitive || type.IsPointer || typeof(Delegate).IsAssignableFrom(type) || type == typeof(object):
                throw Problem(parameter, $"a queueTrigger binds to string, BinaryData, QueueMessage or a JSON-deserializable class, not {type.Name}.");
            case TriggerKind.Queue:
                return ParameterSource.QueueJson;
            default:
                throw Problem(parameter, $"the {trigger} trigger is not bound here.");
        }
    }

    private static HttpReturnKind ReturnKind(MethodInfo method, TriggerKind trigger)
    {
        var output = AwaitedType(method.ReturnType);
        if (output is null)
        {
            return HttpReturnKind.None;
        }

        if (trigger == TriggerKind.Http && typeof(IActionResult).IsAssignableFrom(output))
        {
            return HttpReturnKind.ActionResult;
        }

        if (trigger == TriggerKind.Http && typeof(IResult).IsAssignableFrom(output))
        {
            return HttpReturnKind.Result;
        }

        throw new BindingProblemException(trigger == TriggerKind.Http
            ? $"it returns {output.Name}; an HTTP function returns IActionResult or IResult (or Task of one), Task or void."
            : $"it returns {output.Name}; a {trigger} function returns Task, ValueTask or void (return values are output bindings, which the local host does not run).");
    }

    private static Type? AwaitedType(Type type)
    {
        if (type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask))
        {
            return null;
        }

        return type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;
    }

    private static BindingProblemException Problem(ParameterInfo parameter, string why) =>
        new($"parameter '{parameter.Name}' ({parameter.ParameterType.Name}) cannot be bound: {why}");
}
