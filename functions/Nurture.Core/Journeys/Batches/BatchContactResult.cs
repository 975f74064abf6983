namespace Nurture.Core.Journeys.Batches;

/// <summary>What a batch did with one contact (or list entry).</summary>
/// <param name="Started">Whether an instance of this batch exists for the contact (started now or by an earlier attempt of the page).</param>
/// <param name="Reason">Why not, when not started.</param>
public sealed record BatchContactResult(bool Started, string? Reason = null)
{
    /// <summary>Started.</summary>
    public static BatchContactResult Admitted { get; } = new(true);

    /// <summary>Not started, for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why.</param>
    public static BatchContactResult NotAdmitted(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, reason);
    }
}
