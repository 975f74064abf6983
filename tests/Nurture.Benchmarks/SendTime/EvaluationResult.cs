namespace Nurture.Benchmarks.SendTime;

/// <summary>The scores of every policy on one seed's population.</summary>
/// <param name="Seed">The population's seed.</param>
/// <param name="Contacts">Contacts scored.</param>
/// <param name="SparseContacts">Of them, those with at most <see cref="SendTimeEvaluation.SparseLimit"/> genuine engagements.</param>
/// <param name="Scores">Each policy's scores, the oracle included.</param>
public sealed record EvaluationResult(int Seed, int Contacts, int SparseContacts, IReadOnlyList<PolicyScore> Scores)
{
    /// <summary>A policy's scores.</summary>
    public PolicyScore this[string policy] => Scores.Single(s => s.Policy == policy);

    /// <summary>
    /// The share of the oracle's lift over fixed 10:00 that <paramref name="policy"/> achieves:
    /// (policy − fixed 10:00) / (oracle − fixed 10:00), on all, sparse or rich contacts.
    /// </summary>
    public double LiftShare(string policy, Func<PolicyScore, double> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var baseline = group(this[SendTimeEvaluation.Fixed10]);
        var oracle = group(this[SendTimeEvaluation.Oracle]);
        return oracle > baseline ? (group(this[policy]) - baseline) / (oracle - baseline) : 0;
    }
}
