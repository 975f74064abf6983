using System.Reflection;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>How a function method returns: synchronously, or through Task / ValueTask with or without a value.</summary>
internal sealed class FunctionReturn
{
    private readonly Shape _shape;
    private readonly PropertyInfo? _taskResult;
    private readonly MethodInfo? _valueTaskAsTask;

    private FunctionReturn(Shape shape, Type outputType, PropertyInfo? taskResult = null, MethodInfo? valueTaskAsTask = null)
    {
        _shape = shape;
        OutputType = outputType;
        _taskResult = taskResult;
        _valueTaskAsTask = valueTaskAsTask;
    }

    private enum Shape
    {
        Void,
        Value,
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }

    /// <summary>The type of the value the function produces (<see cref="object"/> when it produces none).</summary>
    public Type OutputType { get; }

    /// <summary>Describes the method's return type.</summary>
    public static FunctionReturn For(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(void))
        {
            return new FunctionReturn(Shape.Void, typeof(object));
        }

        if (type == typeof(Task))
        {
            return new FunctionReturn(Shape.Task, typeof(object));
        }

        if (type == typeof(ValueTask))
        {
            return new FunctionReturn(Shape.ValueTask, typeof(object));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return new FunctionReturn(Shape.TaskOfT, type.GetGenericArguments()[0], taskResult: type.GetProperty(nameof(Task<object>.Result)));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var taskType = typeof(Task<>).MakeGenericType(type.GetGenericArguments()[0]);
            return new FunctionReturn(
                Shape.ValueTaskOfT,
                type.GetGenericArguments()[0],
                taskResult: taskType.GetProperty(nameof(Task<object>.Result)),
                valueTaskAsTask: type.GetMethod(nameof(ValueTask<object>.AsTask)));
        }

        return new FunctionReturn(Shape.Value, type);
    }

    /// <summary>Awaits what the method returned and gives its value.</summary>
    /// <remarks>
    /// No <c>ConfigureAwait(false)</c>: for orchestrators the continuation must stay on DTFx's orchestration
    /// scheduler, which the await captures, or the replay would run on a pool thread.
    /// </remarks>
    public async Task<object?> AwaitAsync(object? returned)
    {
        switch (_shape)
        {
            case Shape.Void:
                return null;
            case Shape.Value:
                return returned;
            case Shape.Task:
                await RequireTask(returned);
                return null;
            case Shape.ValueTask:
                await (returned is ValueTask valueTask ? valueTask : throw new InvalidOperationException("The function returned no ValueTask."));
                return null;
            case Shape.TaskOfT:
                var task = RequireTask(returned);
                await task;
                return _taskResult!.GetValue(task);
            default:
                var asTask = RequireTask(_valueTaskAsTask!.Invoke(returned, null));
                await asTask;
                return _taskResult!.GetValue(asTask);
        }
    }

    private static Task RequireTask(object? returned) =>
        returned as Task ?? throw new InvalidOperationException("The function returned a null Task.");
}
