using Microsoft.DurableTask;

namespace Nurture.LocalHost.Durable;

/// <summary>What a registered orchestrator or activity factory gets from the engine that runs it.</summary>
public sealed class DurableTaskActivation
{
    /// <summary>Creates the activation context.</summary>
    public DurableTaskActivation(IServiceProvider services, DataConverter dataConverter, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataConverter);
        Services = services;
        DataConverter = dataConverter;
        Stopping = stopping;
    }

    /// <summary>The root service provider; function classes are created in a scope of it per invocation.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The converter the engine's shims and client use.</summary>
    public DataConverter DataConverter { get; }

    /// <summary>Cancelled when the engine stops; activities receive it as their cancellation token.</summary>
    public CancellationToken Stopping { get; }
}
