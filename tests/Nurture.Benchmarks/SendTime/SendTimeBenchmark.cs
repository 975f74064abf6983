using System.Globalization;
using Nurture.Benchmarks.Harness;
using Nurture.Benchmarks.Reporting;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;

namespace Nurture.Benchmarks.SendTime;

/// <summary>
/// Send-time optimisation on synthetic populations whose true attention is known: the model's share of the
/// oracle's lift over a fixed 10:00 send, overall and on contacts with at most three genuine engagements, next to
/// the baselines, on report seeds the tuning did not use; and the decision cost on one thread. Pure computation:
/// it uses no storage (the connection string is ignored).
/// </summary>
public static class SendTimeBenchmark
{
    /// <summary>The report group.</summary>
    public const string Group = "sendtime";

    /// <summary>The share of the oracle's lift the model must reach on every report seed.</summary>
    public const double TargetShare = 0.6;

    /// <summary>The decisions per CPU-second one thread must reach.</summary>
    public const double TargetDecisionsPerCpuSecond = 10_000;

    /// <summary>Runs the full plan (or the quick one under <c>--quick</c>).</summary>
    public static Task<IReadOnlyList<BenchmarkRow>> RunAsync(string connectionString, CancellationToken ct) =>
        Task.FromResult(Run(BenchmarkSettings.Quick ? SendTimePlan.Quick : SendTimePlan.Full, Console.Error, ct));

    /// <summary>Runs <paramref name="plan"/> and returns the report rows.</summary>
    public static IReadOnlyList<BenchmarkRow> Run(SendTimePlan plan, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var options = SendTimeOptions.Default;
        var results = new List<EvaluationResult>();
        PreparedPopulation? first = null;
        foreach (var seed in plan.Seeds)
        {
            ct.ThrowIfCancellationRequested();
            progress.WriteLine($"  sendtime: seed {seed}, {plan.Contacts:N0} contacts...");
            var prepared = SendTimeEvaluation.Prepare(PopulationGenerator.Generate(new PopulationSettings { Seed = seed, Contacts = plan.Contacts }), new ProfileOptions());
            first ??= prepared;
            results.Add(SendTimeEvaluation.Score(prepared, options));
        }

        progress.WriteLine("  sendtime: decision cost...");
        var cost = DecisionCost.Measure(first!, SendTimeEvaluation.ShopPattern(first!, options), options, plan.CostSeconds);
        return Rows(plan, results, cost);
    }

    /// <summary>The report rows for a run's results.</summary>
    public static IReadOnlyList<BenchmarkRow> Rows(SendTimePlan plan, IReadOnlyList<EvaluationResult> results, (double PerCpuSecond, double PerSecond, int Decisions) cost)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        var seeds = string.Join(", ", plan.Seeds);
        var pooled = Pool(results);
        var sparse = results.Sum(r => r.SparseContacts);
        var rows = new List<BenchmarkRow>
        {
            new(
                Group,
                Text($"send-time model: share of the oracle's lift over fixed 10:00, all contacts (report seeds {seeds}; tuned on {string.Join(", ", SendTimePlan.TuningSeeds)})"),
                "% of oracle lift",
                100 * pooled.LiftShare(SendTimeEvaluation.Model, s => s.All),
                "none (fixed 10:00 = 0 %, oracle = 100 %)",
                null,
                HigherIsBetter: true,
                Text($">= {100 * TargetShare:F0} % on every seed"),
                results.All(r => r.LiftShare(SendTimeEvaluation.Model, s => s.All) >= TargetShare)),
            new(
                Group,
                Text($"send-time model: share of the oracle's lift, contacts with <= {SendTimeEvaluation.SparseLimit} genuine engagements ({sparse:N0} of {pooled.Contacts:N0})"),
                "% of oracle lift",
                100 * pooled.LiftShare(SendTimeEvaluation.Model, s => s.Sparse),
                SendTimeEvaluation.Busiest,
                100 * pooled.LiftShare(SendTimeEvaluation.Busiest, s => s.Sparse),
                HigherIsBetter: true,
                ">= the shop's busiest hour on every seed",
                results.All(r => r.LiftShare(SendTimeEvaluation.Model, s => s.Sparse) >= r.LiftShare(SendTimeEvaluation.Busiest, s => s.Sparse))),
        };

        foreach (var policy in SendTimeEvaluation.Policies.Where(p => p != SendTimeEvaluation.Fixed10))
        {
            rows.Add(new BenchmarkRow(
                Group,
                Text($"{policy}: expected click rate, all contacts ({100 * pooled.LiftShare(policy, s => s.All):F0} % of the oracle's lift; {100 * pooled.LiftShare(policy, s => s.Sparse):F0} % on <= {SendTimeEvaluation.SparseLimit} engagements)"),
                "% clicks",
                100 * pooled[policy].All,
                SendTimeEvaluation.Fixed10,
                100 * pooled[SendTimeEvaluation.Fixed10].All,
                HigherIsBetter: true,
                BenchmarkRow.NoTarget,
                TargetMet: true));
        }

        foreach (var result in results)
        {
            rows.Add(new BenchmarkRow(
                Group,
                Text($"seed {result.Seed}: send-time model's share of the oracle's lift, all contacts (on <= {SendTimeEvaluation.SparseLimit} engagements {100 * result.LiftShare(SendTimeEvaluation.Model, s => s.Sparse):F0} % vs busiest hour {100 * result.LiftShare(SendTimeEvaluation.Busiest, s => s.Sparse):F0} %)"),
                "% of oracle lift",
                100 * result.LiftShare(SendTimeEvaluation.Model, s => s.All),
                "none",
                null,
                HigherIsBetter: true,
                BenchmarkRow.NoTarget,
                TargetMet: true));
        }

        rows.Add(new BenchmarkRow(
            Group,
            Text($"send-time decisions on one thread (SendTimeAdvisor.Advise: zone, estimate, choice in a 24 h window; {cost.Decisions:N0} decisions, {cost.PerSecond:N0}/s wall-clock on the shared machine)"),
            "decisions/CPU-s",
            cost.PerCpuSecond,
            "none (absolute target)",
            null,
            HigherIsBetter: true,
            Text($">= {TargetDecisionsPerCpuSecond:N0}"),
            cost.PerCpuSecond >= TargetDecisionsPerCpuSecond));
        return rows;
    }

    /// <summary>The seeds' scores averaged, weighted by contacts (and by sparse and rich contacts within each group).</summary>
    public static EvaluationResult Pool(IReadOnlyList<EvaluationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var contacts = results.Sum(r => r.Contacts);
        var sparse = results.Sum(r => r.SparseContacts);
        var scores = SendTimeEvaluation.Policies.Select(policy => new PolicyScore(
            policy,
            results.Sum(r => r[policy].All * r.Contacts) / contacts,
            results.Sum(r => r[policy].Sparse * r.SparseContacts) / Math.Max(1, sparse),
            results.Sum(r => r[policy].Rich * (r.Contacts - r.SparseContacts)) / Math.Max(1, contacts - sparse))).ToList();
        return new EvaluationResult(0, contacts, sparse, scores);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
