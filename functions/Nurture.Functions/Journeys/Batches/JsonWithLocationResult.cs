using Microsoft.AspNetCore.Http;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>A JSON answer (journey JSON names) with a <c>Location</c> header.</summary>
/// <param name="location">The Location header.</param>
/// <param name="value">The body.</param>
/// <param name="statusCode">The status code.</param>
internal sealed class JsonWithLocationResult(string location, object value, int statusCode) : IResult
{
    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.Location = location;
        return Results.Json(value, JourneyJson.Options, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
