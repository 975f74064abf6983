using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Durable.Functions;

namespace Nurture.LocalHost.Binding;

/// <summary>Makes the argument list of one invocation from the trigger, the invocation's services and its token.</summary>
internal static class ArgumentBinder
{
    /// <summary>The JSON options queue POCOs are read with: System.Text.Json's web defaults (camelCase, case-insensitive).</summary>
    public static readonly JsonSerializerOptions QueueJson = new(JsonSerializerDefaults.Web);

    /// <summary>The arguments, in parameter order.</summary>
    /// <exception cref="RouteValueException">A route value does not convert.</exception>
    /// <exception cref="JsonException">A queue message is not JSON of the parameter's type.</exception>
    public static object?[] Bind(LocalFunction function, BoundMethod binding, InvocationTrigger trigger, IServiceProvider services, CancellationToken cancellation)
    {
        var arguments = new object?[binding.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = binding.Parameters[i];
            arguments[i] = (parameter.Source, trigger) switch
            {
                (ParameterSource.CancellationToken, _) => cancellation,
                (ParameterSource.FunctionContext, _) => new LocalFunctionContext(function.Name, function.Method, services, cancellation),
                (ParameterSource.DurableClient, _) => services.GetRequiredService<DurableTaskClient>(),
                (ParameterSource.HttpRequest, InvocationTrigger.Http http) => http.Context.Request,
                (ParameterSource.HttpContext, InvocationTrigger.Http http) => http.Context,
                (ParameterSource.RouteValue, InvocationTrigger.Http http) => RouteValue(parameter, http.Context.Request.RouteValues.GetValueOrDefault(parameter.Name)?.ToString()),
                (ParameterSource.QueueText, InvocationTrigger.Queue queue) => queue.Message.MessageText,
                (ParameterSource.QueueBinary, InvocationTrigger.Queue queue) => queue.Message.Body,
                (ParameterSource.QueueMessage, InvocationTrigger.Queue queue) => queue.Message,
                (ParameterSource.QueueJson, InvocationTrigger.Queue queue) => JsonSerializer.Deserialize(queue.Message.Body.ToMemory().Span, parameter.Type, QueueJson),
                (ParameterSource.TimerInfo, InvocationTrigger.Timer timer) => timer.Info,
                _ => throw new InvalidOperationException($"Function '{function.Name}': parameter '{parameter.Name}' ({parameter.Source}) does not fit a {trigger.GetType().Name}."),
            };
        }

        return arguments;
    }

    private static object? RouteValue(BoundParameter parameter, string? text)
    {
        var underlying = Nullable.GetUnderlyingType(parameter.Type);
        var type = underlying ?? parameter.Type;
        if (string.IsNullOrEmpty(text))
        {
            return type == typeof(string) || underlying is not null ? null : throw new RouteValueException(parameter.Name, type);
        }

        if (type == typeof(string))
        {
            return text;
        }

        object? value = type switch
        {
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when type == typeof(Guid) => Guid.TryParse(text, out var g) ? g : null,
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ => null,
        };
        return value ?? throw new RouteValueException(parameter.Name, type);
    }
}
