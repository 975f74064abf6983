using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>Retry context of a local Durable invocation: no host retry policy applies (Durable retries are the orchestrator's).</summary>
internal sealed class LocalRetryContext : RetryContext
{
    /// <inheritdoc />
    public override int RetryCount => 0;

    /// <inheritdoc />
    public override int MaxRetryCount => 0;
}
