namespace Nurture.Core.SendTime;

/// <summary>An interval in which a send must not go (a frequency cap is full): [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <param name="Start">The first blocked instant.</param>
/// <param name="End">The first instant after the interval.</param>
public sealed record BlockedInterval(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Whether the interval holds an instant.</summary>
    /// <param name="instant">The instant.</param>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
