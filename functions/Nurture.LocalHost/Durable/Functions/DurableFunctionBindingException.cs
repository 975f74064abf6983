using System.Reflection;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>A <c>[Function]</c> method that the local Durable engine cannot bind, named in the message.</summary>
public sealed class DurableFunctionBindingException : InvalidOperationException
{
    /// <summary>Creates the exception for a function method.</summary>
    public DurableFunctionBindingException(string functionName, MethodInfo method, string problem)
        : base($"Function '{functionName}' ({method?.DeclaringType?.FullName}.{method?.Name}) cannot run on the local Durable engine: {problem}")
    {
        FunctionName = functionName;
    }

    /// <summary>The function's name.</summary>
    public string FunctionName { get; }
}
