using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Nurture.Functions.Contacts;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.SendTime;

/// <summary><c>POST /api/send-times</c> (function key): best send times for up to 1,000 contacts in one call.</summary>
public sealed class AdviseSendTimes(IngestionStorage ingestion, ContactLookup contactLookup, SendTimeAdvice advice, TimeProvider clock)
{
    /// <summary>Most contacts one request may name.</summary>
    public const int MaxContacts = 1000;

    // Profile and ledger reads are point reads; a few at a time keep a full request to a few seconds.
    private const int Parallelism = 16;

    /// <summary>Answers the request.</summary>
    [Function(FunctionNames.AdviseSendTimes)]
    [ApiRequestBody(typeof(SendTimesRequest), Description = "contacts (ids, emails or phones, 1 to 1,000), and optionally channel, within and from as in GET /contacts/{id}/send-time.")]
    [ApiResponse(StatusCodes.Status200OK, typeof(SendTimesAnswer))]
    [ApiResponse(StatusCodes.Status400BadRequest, Description = "The body is not valid, names no contacts or more than 1,000, or channel, within or from is not valid.")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, Description = "The body is not JSON.")]
    public async Task<IActionResult> AdviseSendTimesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "send-times")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!WebhookIntake.HasContentType(request, "application/json"))
        {
            return WebhookProblems.WrongContentType("application/json", request.ContentType);
        }

        SendTimesRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SendTimesRequest>(request.Body, ApiJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return BadRequest("The body is not a send-times request.", $"Send {{\"contacts\": [\"...\"], \"channel\": \"email\", \"within\": \"24h\"}}: {e.Message}");
        }

        if (body?.Contacts is not { Count: > 0 } contacts || contacts.Any(string.IsNullOrWhiteSpace))
        {
            return BadRequest("No contacts.", "contacts must be a non-empty array of contact ids, email addresses or phone numbers, none empty.");
        }

        if (contacts.Count > MaxContacts)
        {
            return BadRequest("Too many contacts.", $"At most {MaxContacts} contacts per request; this one names {contacts.Count}. Split it into several requests.");
        }

        if (!SendTimeQuery.TryParse(body.Channel, body.Within, body.From, clock.GetUtcNow(), out var query, out var problem))
        {
            return problem!;
        }

        var shop = await advice.ShopPatternAsync(cancellationToken).ConfigureAwait(false);
        var answers = new SendTimeView?[contacts.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, contacts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var profile = await contactLookup.FindProfileAsync(contacts[i], ingestion, ct).ConfigureAwait(false);
                answers[i] = profile is null ? null : await advice.AdviseAsync(profile, query, shop, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

        var found = answers.OfType<SendTimeView>().ToList();
        var missing = contacts.Where((_, i) => answers[i] is null).ToList();
        return ApiJson.Result(new SendTimesAnswer(found.Count, found, missing));
    }

    private static IResult BadRequest(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
