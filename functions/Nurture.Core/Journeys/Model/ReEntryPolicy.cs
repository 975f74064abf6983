namespace Nurture.Core.Journeys.Model;

/// <summary>The re-entry rule of a journey.</summary>
/// <param name="Mode">Never, after a number of days, or always.</param>
/// <param name="Days">For <see cref="ReEntryMode.After"/>: days since the previous entry.</param>
public sealed record ReEntryPolicy(ReEntryMode Mode, int? Days = null)
{
    /// <summary>Enter once only.</summary>
    public static ReEntryPolicy Never { get; } = new(ReEntryMode.Never);

    /// <summary>Enter whenever no instance is live.</summary>
    public static ReEntryPolicy Always { get; } = new(ReEntryMode.Always);
}
