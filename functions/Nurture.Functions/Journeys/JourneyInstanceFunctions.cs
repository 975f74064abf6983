using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Delivery;
using Nurture.Functions.Http;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Journeys;

/// <summary>One journey instance (function key): read it with its timeline, and cancel, pause or resume it.</summary>
public sealed class JourneyInstanceFunctions(JourneyStorage storage, JourneySignals signals, SendStatusStore statuses)
{
    /// <summary>Answers <c>GET /api/journeys/instances/{instanceId}</c>.</summary>
    [Function(FunctionNames.GetJourneyInstance)]
    [ApiResponse(StatusCodes.Status200OK, typeof(InstanceView))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No such instance.")]
    public async Task<IActionResult> GetJourneyInstanceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/instances/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        var recorded = await storage.Instances.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (metadata is null && recorded is null)
        {
            return NotFound(instanceId);
        }

        var timeline = await storage.Instances.ReadHistoryAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var view = new InstanceView(
            instanceId,
            (metadata?.RuntimeStatus ?? OrchestrationRuntimeStatus.Completed).ToString().ToLowerInvariant(),
            recorded?.State,
            timeline,
            metadata?.CreatedAt,
            metadata?.LastUpdatedAt,
            metadata?.FailureDetails?.ErrorMessage,
            await SendsAsync(timeline, cancellationToken).ConfigureAwait(false));
        return ResultAction.From(Results.Json(view, JourneyJson.Options));
    }

    /// <summary>Answers <c>POST /api/journeys/instances/{instanceId}/cancel</c>: the instance ends at its next step, before any further send.</summary>
    [Function(FunctionNames.CancelJourneyInstance)]
    [ApiResponse(StatusCodes.Status202Accepted, Location = true, Description = "The signal is raised; the instance applies it at its next step.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No such instance.")]
    [ApiResponse(StatusCodes.Status409Conflict, Description = "The instance has already ended.")]
    public Task<IActionResult> CancelJourneyInstanceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/instances/{instanceId}/cancel")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        SignalAsync(client, instanceId, JourneySignalKind.Cancel, cancellationToken);

    /// <summary>Answers <c>POST /api/journeys/instances/{instanceId}/pause</c>: the instance stops moving until resumed.</summary>
    [Function(FunctionNames.PauseJourneyInstance)]
    [ApiResponse(StatusCodes.Status202Accepted, Location = true, Description = "The signal is raised; the instance applies it at its next step.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No such instance.")]
    [ApiResponse(StatusCodes.Status409Conflict, Description = "The instance has already ended.")]
    public Task<IActionResult> PauseJourneyInstanceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/instances/{instanceId}/pause")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        SignalAsync(client, instanceId, JourneySignalKind.Pause, cancellationToken);

    /// <summary>Answers <c>POST /api/journeys/instances/{instanceId}/resume</c>: a paused instance moves on.</summary>
    [Function(FunctionNames.ResumeJourneyInstance)]
    [ApiResponse(StatusCodes.Status202Accepted, Location = true, Description = "The signal is raised; the instance applies it at its next step.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No such instance.")]
    [ApiResponse(StatusCodes.Status409Conflict, Description = "The instance has already ended.")]
    public Task<IActionResult> ResumeJourneyInstanceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/instances/{instanceId}/resume")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        SignalAsync(client, instanceId, JourneySignalKind.Resume, cancellationToken);

    private async Task<IReadOnlyList<SendView>> SendsAsync(IReadOnlyList<Core.Journeys.Runtime.HistoryEntry> timeline, CancellationToken cancellationToken)
    {
        var sends = new List<SendView>();
        foreach (var messageId in timeline.Select(h => h.MessageId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await storage.Ledger.GetAsync(messageId, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                var history = await statuses.ReadAsync(messageId, cancellationToken).ConfigureAwait(false);
                sends.Add(new SendView(messageId, entry.Status, entry.ProviderMessageId, entry.Detail, history));
            }
        }

        return sends;
    }

    private async Task<IActionResult> SignalAsync(DurableTaskClient client, string instanceId, JourneySignalKind kind, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        if (metadata.IsCompleted)
        {
            return ResultAction.From(Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The instance has already ended.",
                detail: $"Instance '{instanceId}' is {metadata.RuntimeStatus.ToString().ToLowerInvariant()}."));
        }

        await signals.RaiseControlAsync(client, instanceId, kind, kind == JourneySignalKind.Cancel ? "cancelled by request" : null, cancellationToken).ConfigureAwait(false);
        return ResultAction.From(Results.Accepted($"journeys/instances/{instanceId}", new { instanceId, requested = kind.ToString().ToLowerInvariant() }));
    }

    private static IActionResult NotFound(string instanceId) => ResultAction.From(Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "No such journey instance.", detail: $"Instance '{instanceId}' does not exist."));
}
