using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Dashboard;

/// <summary>
/// <c>GET /api/dashboard</c> (function key): the reports dashboard, one self-contained page that reads the report
/// endpoints of the same app with the key it was opened with (<c>?code=</c>).
/// </summary>
public sealed class GetDashboard
{
    /// <summary>Answers the page.</summary>
    [Function(FunctionNames.GetDashboard)]
    [ApiResponse(StatusCodes.Status200OK, typeof(string), ContentType = DashboardPage.ContentType, Description = "Open it with the key in the address (?code=), which the page passes on to the report endpoints it reads. The page: cohort retention, journey funnels and uplift, lifecycle and RFM, the send-time experiment. Scripts and styles inline; it loads nothing from any other origin.")]
    public IActionResult GetDashboardPage([HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = DashboardPage.Instance.ContentSecurityPolicy;

        // The key rides in the address: keep it out of Referer headers and caches.
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        return new ContentResult { Content = DashboardPage.Instance.Html, ContentType = DashboardPage.ContentType, StatusCode = StatusCodes.Status200OK };
    }
}
