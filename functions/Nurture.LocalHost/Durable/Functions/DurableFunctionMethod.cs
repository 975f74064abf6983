using System.Reflection;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>A <c>[Function]</c> method with a Durable trigger, checked to be bindable by the local engine.</summary>
internal sealed record DurableFunctionMethod(
    string Name,
    DurableFunctionKind Kind,
    MethodInfo Method,
    IReadOnlyList<FunctionParameterRole> Parameters,
    Type InputType,
    FunctionReturn Return)
{
    /// <summary>The class whose instance runs the method, or null for a static method.</summary>
    public Type? InstanceType => Method.IsStatic ? null : Method.DeclaringType;
}
