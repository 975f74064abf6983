using Microsoft.DurableTask.Client;

namespace Nurture.LocalHost.Tests.Infrastructure;

/// <summary>Waiting on the Durable client with a deadline, failing with what was awaited.</summary>
public static class Deadline
{
    /// <summary>Long enough for a busy shared machine; a healthy run takes a few seconds.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(90);

    public static async Task<OrchestrationMetadata> CompletionAsync(DurableTaskClient client, string instanceId, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var timeout = new CancellationTokenSource(within ?? Default);
        try
        {
            return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            throw new TimeoutException($"Instance {instanceId} did not finish within {(within ?? Default).TotalSeconds} s; it is {state?.RuntimeStatus.ToString() ?? "unknown"} ({state?.SerializedCustomStatus}).");
        }
    }

    public static async Task<OrchestrationMetadata> StatusAsync(DurableTaskClient client, string instanceId, Func<OrchestrationMetadata, bool> condition, string what, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow + (within ?? Default);
        while (true)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (state is not null && condition(state))
            {
                return state;
            }

            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"Instance {instanceId} did not reach '{what}' within {(within ?? Default).TotalSeconds} s; it is {state?.RuntimeStatus.ToString() ?? "unknown"} ({state?.SerializedCustomStatus}).");
            }

            await Task.Delay(100);
        }
    }
}
