using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>
/// The <see cref="FunctionContext"/> a function method receives on the local host: a fresh invocation id, the
/// invocation's service scope as <see cref="InstanceServices"/> (so <c>GetLogger</c> works), the function's name and
/// entry point, and the engine's stopping token. There are no binding data and no retry context.
/// </summary>
public sealed class LocalFunctionContext : FunctionContext
{
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates the context for one invocation.</summary>
    public LocalFunctionContext(string functionName, MethodInfo method, IServiceProvider instanceServices, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(instanceServices);
        FunctionDefinition = new LocalFunctionDefinition(functionName, method);
        InstanceServices = instanceServices;
        _cancellationToken = cancellationToken;
    }

    /// <inheritdoc />
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    /// <inheritdoc />
    public override string FunctionId => FunctionDefinition.Id;

    /// <inheritdoc />
    public override TraceContext TraceContext { get; } = new LocalTraceContext();

    /// <inheritdoc />
    public override BindingContext BindingContext { get; } = new LocalBindingContext();

    /// <inheritdoc />
    public override RetryContext RetryContext { get; } = new LocalRetryContext();

    /// <inheritdoc />
    public override IServiceProvider InstanceServices { get; set; }

    /// <inheritdoc />
    public override FunctionDefinition FunctionDefinition { get; }

    /// <inheritdoc />
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    /// <inheritdoc />
    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    /// <inheritdoc />
    public override CancellationToken CancellationToken => _cancellationToken;
}
