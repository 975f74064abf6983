using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Contacts;

/// <summary><c>DELETE /api/contacts/{id}</c> (function key): erasure everywhere, leaving only a suppression hash.</summary>
public static class DeleteContact
{
    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.DeleteContact,
        new HttpTrigger("contacts/{id}", ["DELETE"], AuthorizationLevel.Function),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var id = ContactLookup.RouteId(request);
        var contactId = await context.Services.GetRequiredService<ContactLookup>().FindAsync(id, context.CancellationToken).ConfigureAwait(false);
        if (contactId is null || !await context.Services.GetRequiredService<ContactEraser>().EraseAsync(contactId, "api:erasure", context.CancellationToken).ConfigureAwait(false))
        {
            return ContactLookup.NotFound();
        }

        return Results.NoContent();
    }
}
