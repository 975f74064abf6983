using Microsoft.AspNetCore.Http;

namespace Nurture.Functions.Http;

/// <summary>A body written with <see cref="ApiJson.Options"/>, optionally with a <c>Location</c> header.</summary>
/// <typeparam name="T">The declared body type.</typeparam>
/// <param name="value">The body.</param>
/// <param name="statusCode">The status code.</param>
/// <param name="location">The <c>Location</c> header, or null.</param>
internal sealed class ApiJsonResult<T>(T value, int statusCode, string? location) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    /// <inheritdoc />
    public int? StatusCode => statusCode;

    /// <inheritdoc />
    public T? Value => value;

    /// <inheritdoc />
    object? IValueHttpResult.Value => value;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        return Results.Json(value, ApiJson.Options, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
