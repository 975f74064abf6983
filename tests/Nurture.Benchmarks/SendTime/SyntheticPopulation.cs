namespace Nurture.Benchmarks.SendTime;

/// <summary>A generated shop: its settings, contacts and the instants its past campaigns went out.</summary>
/// <param name="Settings">The settings it was generated with.</param>
/// <param name="Contacts">The contacts.</param>
/// <param name="Campaigns">When the campaigns were sent (all at 10:00 in the shop's zone).</param>
public sealed record SyntheticPopulation(PopulationSettings Settings, IReadOnlyList<SyntheticContact> Contacts, IReadOnlyList<DateTimeOffset> Campaigns);
