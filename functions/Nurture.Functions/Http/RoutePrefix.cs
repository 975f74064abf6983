using Microsoft.AspNetCore.Http;

namespace Nurture.Functions.Http;

/// <summary>
/// The host's route prefix (host.json <c>extensions.http.routePrefix</c>, <c>api</c> by default) as the request shows
/// it: the worker itself cannot read host.json, but every request path is the prefix followed by the function's route.
/// </summary>
public static class RoutePrefix
{
    /// <summary>
    /// The path before <paramref name="routeStart"/> (the first literal segment of the function's own route), without
    /// slashes: <c>api</c> for <c>/api/journeys/...</c> and <c>journeys</c>; empty when the route starts the path.
    /// </summary>
    public static string Of(HttpRequest request, string routeStart)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(routeStart);
        var path = request.Path.Value ?? string.Empty;
        var at = path.IndexOf("/" + routeStart, StringComparison.OrdinalIgnoreCase);
        return at <= 0 ? string.Empty : path[..at].Trim('/');
    }
}
