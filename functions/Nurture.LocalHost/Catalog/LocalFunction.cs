using System.Reflection;
using Nurture.LocalHost.Binding;

namespace Nurture.LocalHost.Catalog;

/// <summary>A function of the app's <c>functions.metadata</c>, resolved to its method and checked to be runnable.</summary>
public abstract class LocalFunction
{
    private protected LocalFunction(string name, MethodInfo method, BoundMethod? binding)
    {
        Name = name;
        Method = method;
        Binding = binding;
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The method the entry point names.</summary>
    public MethodInfo Method { get; }

    /// <summary>The trigger that runs it.</summary>
    public abstract TriggerKind Trigger { get; }

    /// <summary>How each parameter is bound (null for Durable functions, which the engine binds).</summary>
    internal BoundMethod? Binding { get; }
}
