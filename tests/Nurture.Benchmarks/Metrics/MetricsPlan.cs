namespace Nurture.Benchmarks.Metrics;

/// <summary>How big a shop the metrics benchmark seeds and how often it measures.</summary>
/// <param name="Contacts">Contacts, each with <see cref="EventsPerContact"/> events.</param>
/// <param name="EventsPerContact">Events per contact (orders, a refund for every tenth, views, carts, email feedback).</param>
/// <param name="Days">The events are spread over this many days before now.</param>
/// <param name="Rounds">Measurements of each side, alternating who goes first.</param>
public sealed record MetricsPlan(int Contacts, int EventsPerContact, int Days, int Rounds)
{
    /// <summary>10,000 contacts, 100,000 events over 120 days, three rounds.</summary>
    public static MetricsPlan Full { get; } = new(10_000, 10, 120, 3);

    /// <summary>A smoke run: 200 contacts, 2,000 events, one round.</summary>
    public static MetricsPlan Quick { get; } = new(200, 10, 30, 1);

    /// <summary>For the benchmark's own tests: 20 contacts, 200 events, one round.</summary>
    public static MetricsPlan Tiny { get; } = new(20, 10, 5, 1);

    /// <summary>Events in all.</summary>
    public int Events => Contacts * EventsPerContact;
}
