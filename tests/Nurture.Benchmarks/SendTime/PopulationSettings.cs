namespace Nurture.Benchmarks.SendTime;

/// <summary>How the synthetic shop's contacts are generated (see the SendTime README for why each figure).</summary>
public sealed record PopulationSettings
{
    /// <summary>The seed: the same seed and settings give the same population.</summary>
    public required int Seed { get; init; }

    /// <summary>Contacts generated.</summary>
    public int Contacts { get; init; } = 6_000;

    /// <summary>The end of the history (decisions follow it). A Monday, after both the US and the EU spring DST change.</summary>
    public DateTimeOffset HistoryEnd { get; init; } = new(2026, 4, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Days of history before <see cref="HistoryEnd"/>.</summary>
    public int HistoryDays { get; init; } = 120;

    /// <summary>The shop's own zone: campaigns went out at 10:00 here, and contacts without a zone are read in it.</summary>
    public string ShopZone { get; init; } = "America/New_York";

    /// <summary>Where contacts live, and the share in each zone.</summary>
    public IReadOnlyList<(string Zone, double Share)> Zones { get; init; } =
    [
        ("America/New_York", 0.38), ("America/Chicago", 0.17), ("America/Denver", 0.05),
        ("America/Los_Angeles", 0.18), ("Europe/London", 0.12), ("Europe/Berlin", 0.10),
    ];

    /// <summary>Share of contacts whose profile has their time zone.</summary>
    public double KnownZoneShare { get; init; } = 0.6;

    /// <summary>Share of contacts reading mail through a privacy proxy (Apple Mail Privacy Protection): every delivery is "opened" by a machine, human opens are not seen.</summary>
    public double PrivacyProxyShare { get; init; } = 0.4;

    /// <summary>Share of machine opens SendGrid fails to flag as such (they look human).</summary>
    public double UnflaggedMachineOpenShare { get; init; } = 0.15;

    /// <summary>Share of contacts receiving the campaigns.</summary>
    public double SubscribedShare { get; init; } = 0.85;

    /// <summary>Share of contacts who changed routine at some point in the history (the truth is the new one).</summary>
    public double DriftShare { get; init; } = 0.1;

    /// <summary>Share of dormant contacts: on the list, but they rarely browse (a tenth of the session rate) or open (a third of the open chance).</summary>
    public double DormantShare { get; init; } = 0.25;

    /// <summary>Median identified storefront sessions per day of an active contact (log-normal; anonymous browsing is not seen).</summary>
    public double MedianSessionsPerDay { get; init; } = 0.04;

    /// <summary>Log-normal sigma of sessions per day.</summary>
    public double SessionsSigma { get; init; } = 1.0;

    /// <summary>Median inbox checks per day (log-normal, sigma 0.5).</summary>
    public double MedianChecksPerDay { get; init; } = 4;
}
