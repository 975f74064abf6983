using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Contacts;

/// <summary><c>GET /api/contacts/{id}/export</c> (function key): everything held about the contact (data-subject access).</summary>
public sealed class ExportContact(IngestionStorage ingestionStorage, ContactLookup contactLookup, TimeProvider timeProvider)
{
    /// <summary>Answers <c>GET /api/contacts/{id}/export</c>.</summary>
    [Function(FunctionNames.ExportContact)]
    [ApiPath("id", Description = "The contact id, an email address (has '@') or an E.164 phone number (starts with '+').")]
    [ApiResponse(StatusCodes.Status200OK, typeof(ContactExport))]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No contact has that id, email or phone number.")]
    public async Task<IActionResult> ExportContactAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "contacts/{id}/export")] HttpRequest request, string id,
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

        var timeline = await ContactViews.TimelineAsync(storage.Events, profile.ContactId, null, cancellationToken).ConfigureAwait(false);
        var exportedAt = timeProvider.GetUtcNow();
        return ApiJson.Result(new ContactExport(profile.ContactId, exportedAt, profile, timeline));
    }
}
