namespace Nurture.Core.Journeys.Batches;

/// <summary>How batch starts are cut into pages, and their limits.</summary>
public static class BatchPaging
{
    /// <summary>Contacts per page: one queue message's work.</summary>
    public const int PageSize = 100;

    /// <summary>The most entries one list start may carry.</summary>
    public const int MaxListSize = 10_000;

    /// <summary>The longest list entry accepted (ids, emails and phone numbers are far shorter).</summary>
    public const int MaxEntryLength = 256;

    /// <summary>How many pages a list of <paramref name="total"/> entries takes (at least one, so an empty page still completes the batch).</summary>
    /// <param name="total">The number of entries.</param>
    public static int PageCount(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        return Math.Max(1, (total + PageSize - 1) / PageSize);
    }

    /// <summary>The entries of one page of a list.</summary>
    /// <param name="entries">The whole list.</param>
    /// <param name="page">The page (from 0).</param>
    public static IReadOnlyList<string> Slice(IReadOnlyList<string> entries, int page)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        return entries.Skip(page * PageSize).Take(PageSize).ToList();
    }

    /// <summary>The list without blanks' surrounding space and without repeated entries, in first-seen order.</summary>
    /// <param name="entries">The entries as sent.</param>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Select(e => e.Trim()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Why a list entry cannot be used (it would not fit a table key), or null when it can.</summary>
    /// <param name="entry">The entry.</param>
    public static string? EntryProblem(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return "an entry is empty";
        }

        if (entry.Length > MaxEntryLength)
        {
            return $"an entry is longer than {MaxEntryLength} characters";
        }

        return entry.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            ? $"entry '{entry}' contains a character ids cannot hold (/ \\ # ? or a control character)"
            : null;
    }
}
