using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>Binding data of a local Durable invocation: none (Durable triggers carry no trigger metadata here).</summary>
internal sealed class LocalBindingContext : BindingContext
{
    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();
}
