using System.Reflection;
using Nurture.LocalHost.Durable.Functions;

namespace Nurture.LocalHost.Binding;

/// <summary>A function method checked at start, with the source of each parameter and the shape of its return.</summary>
internal sealed record BoundMethod(MethodInfo Method, IReadOnlyList<BoundParameter> Parameters, FunctionReturn Return, HttpReturnKind HttpReturn)
{
    /// <summary>The class created per invocation, or null for a static method.</summary>
    public Type? InstanceType => Method.IsStatic ? null : Method.DeclaringType;
}
