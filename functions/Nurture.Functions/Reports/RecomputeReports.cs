using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nurture.Functions.Http;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Reports;

/// <summary><c>POST /api/reports/recompute</c> (admin key): forgets the gathered facts and rebuilds the reports from the raw events.</summary>
/// <remarks>
/// For after a fix to the fact mapping or a change of settings: the timers read only the days since their
/// watermark, this reads every stored day. It runs in the request; facts are keyed by id, so a request cut off half
/// way is simply made again.
/// </remarks>
public sealed class RecomputeReports(RetentionReporter retention, CampaignReporter campaigns, ContactScoringRunner scoring)
{
    /// <summary>Answers the request.</summary>
    [Function(FunctionNames.RecomputeReports)]
    [ApiResponse(StatusCodes.Status200OK, typeof(RecomputedReports), Description = "Every report was rebuilt; the answer says how much was read.")]
    public async Task<IActionResult> RecomputeReportsAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "reports/recompute")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await retention.ComputeAsync(rebuild: true, cancellationToken).ConfigureAwait(false);
        var campaignOutcome = await campaigns.ComputeAsync(rebuild: true, cancellationToken).ConfigureAwait(false);

        // After the reports that rebuilt the facts: scoring rescores everyone over them, with a new model.
        var scores = await scoring.ScoreAsync(client, rebuild: true, cancellationToken).ConfigureAwait(false);
        return ResultAction.From(ApiJson.Result(new RecomputedReports(outcome, campaignOutcome, scores)));
    }
}
