using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Http;
using Nurture.Functions.Journeys;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Contacts;

/// <summary><c>DELETE /api/contacts/{id}</c> (function key): erasure everywhere, leaving only a suppression hash.</summary>
public sealed class DeleteContact(ContactLookup contactLookup, ContactEraser contactEraser, JourneyEventRouter journeys)
{
    /// <summary>Answers <c>DELETE /api/contacts/{id}</c>.</summary>
    [Function(FunctionNames.DeleteContact)]
    [ApiPath("id", Description = "The contact id, an email address (has '@') or an E.164 phone number (starts with '+').")]
    [ApiResponse(StatusCodes.Status204NoContent, Description = "Erased everywhere, its running journeys ended; only a suppression hash is kept, so the contact is never messaged again.")]
    [ApiResponse(StatusCodes.Status404NotFound, Description = "No contact has that id, email or phone number.")]
    public async Task<IActionResult> DeleteContactAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "contacts/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ResultAction.From(await RunAsync(id, client, cancellationToken).ConfigureAwait(false));

    private async Task<IResult> RunAsync(string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var contactId = await contactLookup.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (contactId is null || !await contactEraser.EraseAsync(contactId, "api:erasure", journeys.For(client), cancellationToken).ConfigureAwait(false))
        {
            return ContactLookup.NotFound();
        }

        return Results.NoContent();
    }
}
