namespace Nurture.Benchmarks.SendTime;

/// <summary>One policy's mean expected click rate, over all contacts and over the sparse and rich ones.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="All">Mean over every contact.</param>
/// <param name="Sparse">Mean over contacts with at most <see cref="SendTimeEvaluation.SparseLimit"/> genuine engagements.</param>
/// <param name="Rich">Mean over the others.</param>
public sealed record PolicyScore(string Policy, double All, double Sparse, double Rich);
