using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Nurture.LocalHost.Http;

/// <summary>Problem+json bodies for the answers routing gives without running a function: 404 and 405.</summary>
internal static class StatusCodeProblems
{
    /// <summary>The status-code-pages handler.</summary>
    public static Func<StatusCodeContext, Task> Handler(string routePrefix) => context =>
    {
        var http = context.HttpContext;
        var problem = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => Problems.NotFound(http.Request.Path, routePrefix),
            StatusCodes.Status405MethodNotAllowed => Problems.MethodNotAllowed(http.Request.Method, http.Response.Headers[HeaderNames.Allow].ToString()),
            var status => Results.Problem(statusCode: status),
        };
        return problem.ExecuteAsync(http);
    };
}
