using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nurture.Core.Journeys.Model;
using Nurture.Functions.Contacts;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.SendTime;

/// <summary><c>GET /api/contacts/{id}/send-time?channel=email&amp;within=24h[&amp;from=]</c> (function key): the contact's best send time, explained.</summary>
public sealed class GetContactSendTime(IngestionStorage ingestion, ContactLookup contactLookup, SendTimeAdvice advice, TimeProvider clock)
{
    /// <summary>Answers the request.</summary>
    [Function(FunctionNames.GetContactSendTime)]
    [ApiPath("id", Description = "The contact id, an email address (has '@') or an E.164 phone number (starts with '+').")]
    [ApiQuery("channel", typeof(MessageChannel), Description = "The channel whose quiet hours and frequency cap apply; email when left out.")]
    [ApiQuery("within", Description = "The window's length: a whole number with m, h or d, from 1h to 168h (e.g. 24h); 24h when left out.")]
    [ApiQuery("from", typeof(DateTimeOffset), Description = "The window's start, ISO 8601 with an offset; now when left out.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(SendTimeView))]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "channel, within or from is not valid; the detail says which and why.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No contact has that id, email or phone number.")]
    public async Task<IActionResult> GetContactSendTimeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "contacts/{id}/send-time")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, id, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (!SendTimeQuery.TryParse(query["channel"].FirstOrDefault(), query["within"].FirstOrDefault(), query["from"].FirstOrDefault(), clock.GetUtcNow(), out var parsed, out var problem))
        {
            return problem!;
        }

        var profile = await contactLookup.FindProfileAsync(id, ingestion, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return ContactLookup.NotFound();
        }

        var shop = await advice.ShopPatternAsync(cancellationToken).ConfigureAwait(false);
        return ApiJson.Result(await advice.AdviseAsync(profile, parsed, shop, cancellationToken).ConfigureAwait(false));
    }
}
