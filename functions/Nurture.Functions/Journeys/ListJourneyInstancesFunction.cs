using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Http;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Journeys;

/// <summary>
/// <c>GET /api/journeys/instances?journey_id=&amp;status=&amp;max=</c> (function key): instances by journey and journey
/// status, from Durable's instance query and each instance's custom status (<see cref="JourneyProgress"/>).
/// </summary>
public sealed class ListJourneyInstancesFunction
{
    /// <summary>Most instances one listing returns.</summary>
    public const int MaxListed = 1000;

    /// <summary>Answers <c>GET /api/journeys/instances</c>.</summary>
    [Function(FunctionNames.ListJourneyInstances)]
    [ApiQuery("journey_id", Description = "Only this journey's instances.")]
    [ApiQuery("status", typeof(JourneyStatus), Description = "Only instances in this status.")]
    [ApiQuery("max", typeof(int), Description = "Most instances listed, 1 to 1000; 100 when left out.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(InstanceListing))]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "status or max is not valid.")]
    public async Task<IActionResult> ListJourneyInstancesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/instances")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        JourneyStatus? status = null;
        if (request.Query["status"].FirstOrDefault() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<JourneyStatus>(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ResultAction.From(Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown status.",
                    detail: $"status must be one of: {string.Join(", ", Enum.GetNames<JourneyStatus>().Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)))}."));
            }

            status = parsed;
        }

        var max = 100;
        if (request.Query["max"].FirstOrDefault() is { Length: > 0 } maxText && (!int.TryParse(maxText, out max) || max is < 1 or > MaxListed))
        {
            return ResultAction.From(Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad max.", detail: $"max must be a whole number from 1 to {MaxListed}."));
        }

        var journeyId = request.Query["journey_id"].FirstOrDefault();
        // The custom status (the journey's progress) is only readable on instances fetched with their inputs and
        // outputs: ReadCustomStatusAs throws on the others.
        var query = new OrchestrationQuery { InstanceIdPrefix = "ji-", PageSize = Math.Min(MaxListed, 500), FetchInputsAndOutputs = true };
        var found = new List<InstanceSummary>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (instance.Name != nameof(JourneyOrchestration) || instance.ReadCustomStatusAs<JourneyProgress>() is not { } progress)
            {
                continue;
            }

            if ((string.IsNullOrEmpty(journeyId) || progress.JourneyId == journeyId) && (status is null || progress.Status == status))
            {
                found.Add(new InstanceSummary(instance.InstanceId, progress.JourneyId, progress.Version, progress.ContactId, progress.Status, progress.NodeId, instance.LastUpdatedAt));
                if (found.Count == max)
                {
                    break;
                }
            }
        }

        return ResultAction.From(Results.Json(new InstanceListing(found.Count, found), JourneyJson.Options));
    }
}
