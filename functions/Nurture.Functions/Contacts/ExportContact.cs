using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;
using Nurture.Functions.Ingestion;

namespace Nurture.Functions.Contacts;

/// <summary><c>GET /api/contacts/{id}/export</c> (function key): everything held about the contact (data-subject access).</summary>
public static class ExportContact
{
    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.ExportContact,
        new HttpTrigger("contacts/{id}/export", ["GET"], AuthorizationLevel.Function),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var storage = context.Services.GetRequiredService<IngestionStorage>();
        var profile = await context.Services.GetRequiredService<ContactLookup>().FindProfileAsync(request, storage, context.CancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return ContactLookup.NotFound();
        }

        var timeline = await ContactViews.TimelineAsync(storage.Events, profile.ContactId, null, context.CancellationToken).ConfigureAwait(false);
        var exportedAt = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return Results.Json(
            new { contactId = profile.ContactId, exportedAt, profile = ContactViews.Profile(profile), events = timeline },
            contentType: "application/json");
    }
}
