namespace Nurture.Functions.SendTime;

/// <summary>How the app keeps the shop's send-time pattern (section <c>SendTime:Shop</c>).</summary>
public sealed class ShopSendTimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "SendTime:Shop";

    /// <summary>The shop's IANA time zone, used for contacts without one of their own; UTC when not set.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// A stored pattern younger than this is kept: a timer run that finds one (a past-due catch-up next to the
    /// regular run, a second host) does nothing.
    /// </summary>
    public TimeSpan RelearnAfter { get; set; } = TimeSpan.FromMinutes(50);

    /// <summary>How long a host keeps the pattern it read before reading it again.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Profiles read per page while learning (1-1000).</summary>
    public int PageSize { get; set; } = 1000;
}
