using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Contacts;
using Nurture.Functions.Contacts;
using Nurture.Functions.Ingestion;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>List pages: resolve each entry to a contact, then admit each contact once.</summary>
public sealed partial class JourneyBatchProcessor
{
    private async Task<IReadOnlyList<BatchContactResult>> StartListAsync(string batchId, int page, IReadOnlyList<string> entries, BatchAdmission admission, CancellationToken cancellationToken)
    {
        var contacts = new JourneyContact?[entries.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, entries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => contacts[i] = await FindAsync(entries[i], token).ConfigureAwait(false)).ConfigureAwait(false);

        // An email and an id of the same contact are one contact: admit it once.
        var results = new BatchContactResult?[entries.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (contacts[i] is null)
            {
                results[i] = BatchContactResult.NotAdmitted(BatchReasons.NoSuchContact);
            }
            else if (!seen.Add(contacts[i]!.ContactId))
            {
                results[i] = BatchContactResult.NotAdmitted(BatchReasons.DuplicateInList);
            }
        }

        // Across pages a claim row tells a contact named twice (admitted by an earlier page) from a retry of this page.
        var now = _clock.GetUtcNow();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, entries.Count).Where(i => results[i] is null),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var owner = await _batches.Batches.ClaimContactAsync(batchId, contacts[i]!.ContactId, page, token).ConfigureAwait(false);
                results[i] = owner != page
                    ? BatchContactResult.NotAdmitted(BatchReasons.DuplicateInList)
                    : await admission.AdmitAsync(contacts[i]!, now, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return results.Select(r => r!).ToList();
    }

    private Task<JourneyContact?> FindAsync(string entry, CancellationToken cancellationToken) => _finder.FindAsync(entry, cancellationToken);
}
