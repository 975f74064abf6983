using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Contacts;

/// <summary><c>GET /api/contacts/{id}</c> (function key): the profile and the 50 most recent events.</summary>
public sealed class GetContact(IngestionStorage ingestionStorage, ContactLookup contactLookup)
{
    /// <summary>How many events the answer holds.</summary>
    public const int RecentEvents = 50;

    /// <summary>Answers <c>GET /api/contacts/{id}</c>.</summary>
    [Function(FunctionNames.GetContact)]
    [ApiPath("id", Description = "The contact id, an email address (has '@') or an E.164 phone number (starts with '+').")]
    [ApiResponse(StatusCodes.Status200OK, typeof(ContactView))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No contact has that id, email or phone number.")]
    public async Task<IActionResult> GetContactAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "contacts/{id}")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(request, id, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var storage = ingestionStorage;
        var profile = await contactLookup.FindProfileAsync(id, storage, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return ContactLookup.NotFound();
        }

        var timeline = await ContactViews.TimelineAsync(storage.Events, profile.ContactId, RecentEvents, cancellationToken).ConfigureAwait(false);
        return ApiJson.Result(new ContactView(profile.ContactId, profile, timeline));
    }
}
