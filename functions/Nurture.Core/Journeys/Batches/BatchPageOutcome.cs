namespace Nurture.Core.Journeys.Batches;

/// <summary>The counts of one processed page.</summary>
/// <param name="Scanned">Contacts (list entries or profiles) the page looked at.</param>
/// <param name="Started">Contacts with an instance of the batch.</param>
/// <param name="NotAdmitted">Contacts not started, by reason.</param>
public sealed record BatchPageOutcome(int Scanned, int Started, IReadOnlyDictionary<string, int> NotAdmitted)
{
    /// <summary>Counts the results of one page.</summary>
    /// <param name="results">One result per contact looked at.</param>
    public static BatchPageOutcome From(IEnumerable<BatchContactResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scanned = 0;
        var started = 0;
        var notAdmitted = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            scanned++;
            if (result.Started)
            {
                started++;
            }
            else
            {
                var reason = result.Reason ?? "not admitted";
                notAdmitted[reason] = notAdmitted.GetValueOrDefault(reason) + 1;
            }
        }

        return new BatchPageOutcome(scanned, started, notAdmitted);
    }
}
