using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Nurture.Functions.Reports;

/// <summary>How a report request chooses JSON or CSV, and the answer when no report exists yet.</summary>
public static class ReportFormat
{
    /// <summary>The CSV media type.</summary>
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>CSV when <c>format=csv</c> or, without <c>format</c>, when Accept names <c>text/csv</c>; a problem for any other format.</summary>
    public static bool TryChoose(HttpRequest request, out bool csv, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        problem = null;
        var format = request.Query["format"].FirstOrDefault();
        if (format is null)
        {
            csv = request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));
            return true;
        }

        csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (csv || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        problem = Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Unknown report format",
            detail: $"format must be json or csv, not '{format}'.");
        return false;
    }

    /// <summary>A CSV answer.</summary>
    public static IActionResult Csv(string csv) => new ContentResult { Content = csv, ContentType = CsvContentType, StatusCode = StatusCodes.Status200OK };

    /// <summary>The 404 before the report's first computation.</summary>
    /// <param name="report">The report, as the message names it.</param>
    /// <param name="timer">The timer that computes it.</param>
    /// <param name="when">When the timer computes it, and what else does.</param>
    public static IResult NotComputed(string report, string timer, string when = "every hour, and POST /api/reports/recompute computes it now") => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No report yet",
        detail: $"The {report} report has not been computed yet: the {timer} timer computes it {when}.");
}
