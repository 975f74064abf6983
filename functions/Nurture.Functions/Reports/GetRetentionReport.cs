using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Retention;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Reports;

/// <summary><c>GET /api/reports/retention[?format=csv]</c> (function key): the stored retention report, as JSON or CSV.</summary>
public sealed class GetRetentionReport(RetentionReporter reporter)
{
    /// <summary>Answers the request.</summary>
    [Function(FunctionNames.GetRetentionReport)]
    [ApiQuery("format", Description = "json (the default) or csv; an Accept header of text/csv also asks for CSV.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(RetentionReport), Description = "The report the ComputeRetention timer stored last: aggregates only, no contact in it.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(string), ContentType = ReportFormat.CsvContentType, Description = "The cohort tables as CSV, one line per cohort and period: " + RetentionCsv.Header)]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "format is neither json nor csv.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No report has been computed yet; the timer computes one every hour.")]
    public async Task<IActionResult> GetRetentionReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/retention")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReportFormat.TryChoose(request, out var csv, out var problem))
        {
            return ResultAction.From(problem!);
        }

        var stored = await reporter.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ResultAction.From(ReportFormat.NotComputed("retention", FunctionNames.ComputeRetention));
        }

        var report = MetricsJson.Deserialize<RetentionReport>(stored.Json);
        return csv
            ? ReportFormat.Csv(RetentionCsv.Write(report))
            : ResultAction.From(ApiJson.Result(report));
    }
}
