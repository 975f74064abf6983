using Nurture.Core.Profiles;

namespace Nurture.Benchmarks.SendTime;

/// <summary>A population made ready for scoring: profiles reduced from its events, decision times, true click curves and the baselines' scores.</summary>
/// <param name="Population">The population.</param>
/// <param name="Profiles">Each contact's profile, reduced from their events.</param>
/// <param name="Decisions">When each contact's send step is reached.</param>
/// <param name="Curves">Each contact's expected click rate by send time in the window.</param>
/// <param name="Baselines">The scores of the baselines and the oracle per contact, by policy name.</param>
/// <param name="ProfileOptions">The profile settings the profiles were reduced with.</param>
public sealed record PreparedPopulation(
    SyntheticPopulation Population,
    IReadOnlyList<ContactProfile> Profiles,
    IReadOnlyList<DateTimeOffset> Decisions,
    IReadOnlyList<double[]> Curves,
    IReadOnlyDictionary<string, double[]> Baselines,
    ProfileOptions ProfileOptions);
