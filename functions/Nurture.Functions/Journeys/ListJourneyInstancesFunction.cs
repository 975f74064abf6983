using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Journeys;

/// <summary><c>GET /api/journeys/instances?journey_id=&amp;status=&amp;max=</c> (function key): instances by journey and status.</summary>
public static class ListJourneyInstancesFunction
{
    /// <summary>Most instances one listing returns.</summary>
    public const int MaxListed = 1000;

    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.ListJourneyInstances,
        new HttpTrigger("journeys/instances", ["GET"], AuthorizationLevel.Function),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        JourneyStatus? status = null;
        if (request.Query["status"].FirstOrDefault() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<JourneyStatus>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown status.",
                    detail: $"status must be one of: {string.Join(", ", Enum.GetNames<JourneyStatus>())}.");
            }

            status = parsed;
        }

        var max = 100;
        if (request.Query["max"].FirstOrDefault() is { Length: > 0 } maxText && (!int.TryParse(maxText, out max) || max is < 1 or > MaxListed))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad max.", detail: $"max must be a whole number from 1 to {MaxListed}.");
        }

        var storage = context.Services.GetRequiredService<JourneyStorage>();
        await storage.EnsureCreatedAsync(context.CancellationToken).ConfigureAwait(false);
        var journeyId = request.Query["journey_id"].FirstOrDefault();
        var instances = await storage.Instances.ListAsync(string.IsNullOrEmpty(journeyId) ? null : journeyId, status, max, context.CancellationToken).ConfigureAwait(false);
        return Results.Json(new { count = instances.Count, instances });
    }
}
