using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nurture.Core.Metrics.Scoring;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Reports;

/// <summary><c>GET /api/reports/lifecycle[?format=csv]</c> (function key): the stored lifecycle and RFM distribution, as JSON or CSV.</summary>
public sealed class GetLifecycleReport(ReportReader reader)
{
    private const string Timer = FunctionNames.ScoreContacts;

    /// <summary>Answers the request.</summary>
    [Function(FunctionNames.GetLifecycleReport)]
    [ApiQuery("format", Description = "json (the default) or csv; an Accept header of text/csv also asks for CSV.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(LifecycleReport), Description = "The distribution the " + Timer + " timer stored last: contacts per lifecycle stage, per RFM segment and per R×F cell; counts only, no contact in it.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(string), ContentType = ReportFormat.CsvContentType, Description = "One line per stage, segment and R×F cell: " + LifecycleCsv.Header)]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "format is neither json nor csv.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No report has been computed yet; the " + Timer + " timer computes one.")]
    public async Task<IActionResult> GetLifecycleReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/lifecycle")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReportFormat.TryChoose(request, out var csv, out var problem))
        {
            return ResultAction.From(problem!);
        }

        var report = await reader.ReadAsync<LifecycleReport>(ReportKinds.Lifecycle, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return ResultAction.From(ReportFormat.NotComputed("lifecycle", Timer, "every day at 02:17 UTC, and POST /api/reports/recompute computes it now"));
        }

        return csv ? ReportFormat.Csv(LifecycleCsv.Write(report)) : ResultAction.From(ApiJson.Result(report));
    }
}
