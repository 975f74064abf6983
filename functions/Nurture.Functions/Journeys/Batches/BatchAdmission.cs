using Microsoft.DurableTask.Client;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Model;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>Starts one contact of a batch through the same entry rules as a single start (segment, re-entry, live instance, instance key).</summary>
/// <param name="definition">The batch's journey version.</param>
/// <param name="entryKey">The batch's entry key.</param>
/// <param name="paused">Whether the journey is paused now.</param>
/// <param name="instances">The instance store.</param>
/// <param name="starter">The starter.</param>
/// <param name="contexts">Loads the first decision's context.</param>
/// <param name="client">The Durable client that starts the instances.</param>
internal sealed class BatchAdmission(
    JourneyDefinition definition, string entryKey, bool paused, JourneyInstanceStore instances, JourneyStarter starter, JourneyContextLoader contexts, DurableTaskClient client)
{
    /// <summary>Starts the contact, or says why not.</summary>
    public async Task<BatchContactResult> AdmitAsync(JourneyContact contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prior = await instances.ListForContactAsync(contact.ContactId, definition.Id, cancellationToken: cancellationToken).ConfigureAwait(false);

        // An earlier attempt of this page started the contact (its counts were not recorded): count it, start nothing.
        var instanceId = JourneyIds.InstanceId(definition.Id, contact.ContactId, entryKey);
        if (prior.Any(p => p.InstanceId == instanceId))
        {
            return BatchContactResult.Admitted;
        }

        if (paused)
        {
            return BatchContactResult.NotAdmitted(BatchReasons.JourneyPaused);
        }

        var decision = JourneyEntryEvaluator.ForApi(definition, contact, entryKey, prior.Select(p => p.ToPrior()).ToList(), now);
        if (decision.State is not { } pending)
        {
            return BatchContactResult.NotAdmitted(decision.Reason);
        }

        var context = await contexts.LoadAsync(new LoadContextRequest(contact.ContactId, null, false, now), cancellationToken).ConfigureAwait(false);
        await starter.StartAsync(client, pending, definition, context, now, cancellationToken).ConfigureAwait(false);
        return BatchContactResult.Admitted;
    }
}
