using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;
using Nurture.Functions.Ingestion;

namespace Nurture.Functions.Contacts;

/// <summary><c>GET /api/contacts/{id}</c> (function key): the profile and the 50 most recent events.</summary>
public static class GetContact
{
    /// <summary>How many events the answer holds.</summary>
    public const int RecentEvents = 50;

    /// <summary>The catalog entry.</summary>
    public static HttpFunction Definition { get; } = new(
        FunctionNames.GetContact,
        new HttpTrigger("contacts/{id}", ["GET"], AuthorizationLevel.Function),
        RunAsync);

    private static async Task<IResult> RunAsync(HttpRequest request, FunctionContext context)
    {
        var storage = context.Services.GetRequiredService<IngestionStorage>();
        var profile = await context.Services.GetRequiredService<ContactLookup>().FindProfileAsync(request, storage, context.CancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return ContactLookup.NotFound();
        }

        var timeline = await ContactViews.TimelineAsync(storage.Events, profile.ContactId, RecentEvents, context.CancellationToken).ConfigureAwait(false);
        return Results.Json(new { contactId = profile.ContactId, profile = ContactViews.Profile(profile), timeline });
    }
}
