using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Reports;

/// <summary>
/// <c>GET /api/reports/journeys[?format=csv[&amp;table=funnels|uplift]]</c> (function key): the stored campaign report
/// (journey funnels, split uplift, the send-time experiment, costs), as JSON or as one of its two CSV tables.
/// </summary>
public sealed class GetJourneyReport(ReportReader reader)
{
    private const string Timer = FunctionNames.ComputeCampaignMetrics;

    /// <summary>Answers the request.</summary>
    [Function(FunctionNames.GetJourneyReport)]
    [ApiQuery("format", Description = "json (the default) or csv; an Accept header of text/csv also asks for CSV.")]
    [ApiQuery("table", Description = "With CSV: funnels (the default; a line per total, journey, version, step and variant) or uplift (a line per split comparison and send-time rate).")]
    [ApiResponse(StatusCodes.Status200OK, typeof(CampaignReport), Description = "The report the " + Timer + " timer stored last: aggregates per journey, version, step and variant, no contact in it.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(string), ContentType = ReportFormat.CsvContentType, Description = "table=funnels: " + JourneysCsv.FunnelsHeader + "; table=uplift: " + JourneysCsv.UpliftHeader)]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "format is neither json nor csv, or table is neither funnels nor uplift.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No report has been computed yet; the " + Timer + " timer computes one every hour.")]
    public async Task<IActionResult> GetJourneyReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/journeys")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReportFormat.TryChoose(request, out var csv, out var problem))
        {
            return ResultAction.From(problem!);
        }

        var table = request.Query["table"].FirstOrDefault() ?? "funnels";
        var uplift = string.Equals(table, "uplift", StringComparison.OrdinalIgnoreCase);
        if (!uplift && !string.Equals(table, "funnels", StringComparison.OrdinalIgnoreCase))
        {
            return ResultAction.From(Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown report table",
                detail: $"table must be funnels or uplift, not '{table}'."));
        }

        var report = await reader.ReadAsync<CampaignReport>(ReportKinds.Campaigns, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return ResultAction.From(ReportFormat.NotComputed("journey", Timer));
        }

        if (!csv)
        {
            return ResultAction.From(ApiJson.Result(report));
        }

        return ReportFormat.Csv(uplift ? JourneysCsv.WriteUplift(report) : JourneysCsv.WriteFunnels(report));
    }
}
