using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>A function's definition as the local host knows it: name, entry point, assembly and parameters.</summary>
public sealed class LocalFunctionDefinition : FunctionDefinition
{
    /// <summary>Describes the function implemented by <paramref name="method"/>.</summary>
    public LocalFunctionDefinition(string name, MethodInfo method)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(method);
        Name = name;
        EntryPoint = $"{method.DeclaringType?.FullName}.{method.Name}";
        PathToAssembly = method.Module.Assembly.Location;
        Parameters = [.. method.GetParameters().Select(p => new FunctionParameter(p.Name ?? string.Empty, p.ParameterType))];
    }

    /// <inheritdoc />
    public override ImmutableArray<FunctionParameter> Parameters { get; }

    /// <inheritdoc />
    public override string PathToAssembly { get; }

    /// <inheritdoc />
    public override string EntryPoint { get; }

    /// <summary>The name doubles as the id: the local host has no host-assigned function ids.</summary>
    public override string Id => Name;

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
}
