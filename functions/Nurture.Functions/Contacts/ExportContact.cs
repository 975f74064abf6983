using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Events;
using Nurture.Core.Profiles;
using Nurture.Functions.Delivery;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Contacts;

/// <summary><c>GET /api/contacts/{id}/export</c> (function key): everything held about the contact (data-subject access).</summary>
public sealed class ExportContact(
    IngestionStorage ingestionStorage,
    ContactLookup contactLookup,
    JourneyStorage journeyStorage,
    SendStatusStore statuses,
    ProfileOptions profileOptions,
    TimeProvider timeProvider)
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
        var consent = ConsentHistory.Of(timeline.Select(t => new CanonicalEvent(t.EventId, t.Type, t.Source, string.Empty, t.OccurredAt, new ContactIdentity(profile.ContactId), t.Properties)), profileOptions);
        var (instances, sends) = await JourneysAsync(profile.ContactId, cancellationToken).ConfigureAwait(false);
        var exportedAt = timeProvider.GetUtcNow();
        return ApiJson.Result(new ContactExport(profile.ContactId, exportedAt, profile, timeline, consent, instances, sends));
    }

    private async Task<(List<ExportedInstance> Instances, List<ExportedSend> Sends)> JourneysAsync(string contactId, CancellationToken cancellationToken)
    {
        await journeyStorage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var instances = new List<ExportedInstance>();
        var messageIds = new SortedSet<string>(await journeyStorage.Ledger.SentMessageIdsAsync(contactId, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        foreach (var instance in await journeyStorage.Instances.ListForContactAsync(contactId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var history = await journeyStorage.Instances.ReadHistoryAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
            instances.Add(new ExportedInstance(instance, history));
            messageIds.UnionWith(history.Select(h => h.MessageId).OfType<string>());
        }

        var sends = new List<ExportedSend>();
        foreach (var messageId in messageIds)
        {
            if (await journeyStorage.Ledger.GetAsync(messageId, cancellationToken).ConfigureAwait(false) is { } entry && entry.ContactId == contactId)
            {
                sends.Add(new ExportedSend(entry, await statuses.ReadAsync(messageId, cancellationToken).ConfigureAwait(false)));
            }
        }

        return (instances, sends);
    }
}
