using System.Reflection;

namespace Nurture.LocalHost.Catalog;

/// <summary>An <c>orchestrationTrigger</c> or <c>activityTrigger</c> function, run by the Durable engine.</summary>
public sealed class DurableFunction : LocalFunction
{
    internal DurableFunction(string name, MethodInfo method, TriggerKind trigger)
        : base(name, method, binding: null)
    {
        Trigger = trigger;
    }

    /// <inheritdoc />
    public override TriggerKind Trigger { get; }
}
