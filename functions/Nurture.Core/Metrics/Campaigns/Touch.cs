namespace Nurture.Core.Metrics.Campaigns;

/// <summary>A moment a message reached a person (open, click, SMS delivery), which later orders may be attributed to.</summary>
/// <param name="At">When.</param>
/// <param name="Rank">Click 3, open 2, delivery 1: at the same instant, the stronger touch wins.</param>
/// <param name="Message">Index of the message (messages are indexed in ordinal id order).</param>
/// <param name="Window">How long after the touch an order is attributed to it.</param>
internal readonly record struct Touch(DateTimeOffset At, int Rank, int Message, TimeSpan Window)
{
    /// <summary>Orders the touches so that, scanning backwards from an order, the winning touch comes first.</summary>
    public static int Compare(Touch a, Touch b)
    {
        var c = a.At.CompareTo(b.At);
        c = c != 0 ? c : a.Rank.CompareTo(b.Rank);
        return c != 0 ? c : b.Message.CompareTo(a.Message);
    }
}
