using Nurture.Benchmarks.Reporting;
using Nurture.Benchmarks.SendTime;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;

namespace Nurture.Benchmarks.Tests.SendTime;

/// <summary>The send-time harness, run small: the oracle bounds every policy and the figures are well-formed (the targets are benchmark figures, not asserted here).</summary>
public sealed class SendTimeHarnessTests
{
    private static readonly Lazy<(PreparedPopulation Prepared, EvaluationResult Result)> Small = new(() =>
    {
        var prepared = SendTimeEvaluation.Prepare(PopulationGenerator.Generate(new PopulationSettings { Seed = 7, Contacts = 400 }), new ProfileOptions());
        return (prepared, SendTimeEvaluation.Score(prepared, SendTimeOptions.Default));
    });

    [Fact]
    public void Score_OracleIsAtLeastEveryPolicy()
    {
        var result = Small.Value.Result;

        var oracle = result[SendTimeEvaluation.Oracle];
        Assert.All(result.Scores, s =>
        {
            Assert.True(oracle.All >= s.All - 1e-12, $"{s.Policy} beats the oracle overall");
            Assert.True(oracle.Sparse >= s.Sparse - 1e-12, $"{s.Policy} beats the oracle on sparse contacts");
            Assert.True(oracle.Rich >= s.Rich - 1e-12, $"{s.Policy} beats the oracle on rich contacts");
        });
    }

    [Fact]
    public void Score_FiguresAreWellFormed()
    {
        var (prepared, result) = Small.Value;

        Assert.Equal(SendTimeEvaluation.Policies, result.Scores.Select(s => s.Policy));
        Assert.Equal(400, result.Contacts);
        Assert.InRange(result.SparseContacts, 1, 399);
        Assert.All(result.Scores, s => Assert.All(new[] { s.All, s.Sparse, s.Rich }, v => Assert.InRange(v, 1e-6, 1)));
        Assert.Equal(1d, result.LiftShare(SendTimeEvaluation.Oracle, s => s.All), 12);
        Assert.Equal(0d, result.LiftShare(SendTimeEvaluation.Fixed10, s => s.All), 12);
        Assert.All(SendTimeEvaluation.Policies, p => Assert.True(double.IsFinite(result.LiftShare(p, s => s.Sparse)) && result.LiftShare(p, s => s.All) <= 1 + 1e-12));
        Assert.All(prepared.Curves, c => Assert.Equal(289, c.Length));
    }

    [Fact]
    public void Generate_IsDeterministicAndRealisticallyMixed()
    {
        var settings = new PopulationSettings { Seed = 11, Contacts = 300 };
        var once = PopulationGenerator.Generate(settings);
        var again = PopulationGenerator.Generate(settings);

        Assert.Equal(once.Contacts.Select(c => c.Events.Count), again.Contacts.Select(c => c.Events.Count));
        Assert.Equal(once.Contacts.Select(c => c.Events.LastOrDefault()?.OccurredAt), again.Contacts.Select(c => c.Events.LastOrDefault()?.OccurredAt));
        Assert.InRange(once.Contacts.Count(c => c.ProfileZone is null), 60, 180);
        Assert.InRange(once.Contacts.Select(c => c.Zone.Id).Distinct().Count(), 4, 6);
        Assert.Contains(once.Contacts, c => c.GenuineEngagements <= SendTimeEvaluation.SparseLimit);
        Assert.Contains(once.Contacts, c => c.GenuineEngagements > 30);
        Assert.Contains(once.Contacts.SelectMany(c => c.Events), e => e.Type == "email.opened" && e.Properties.GetProperty("machineOpen").GetBoolean());
        Assert.All(once.Campaigns, c => Assert.Equal(10, TimeZoneInfo.ConvertTime(c, TimeZoneInfo.FindSystemTimeZoneById(settings.ShopZone)).Hour));
    }

    [Fact]
    public void Rows_CarryTheTargetsAndTheDecisionCost()
    {
        var result = Small.Value.Result;
        var plan = new SendTimePlan([7], 400, 0.1);

        var rows = SendTimeBenchmark.Rows(plan, [result], (PerCpuSecond: 12_000, PerSecond: 9_000, Decisions: 1_000));

        Assert.All(rows, r => Assert.Equal(SendTimeBenchmark.Group, r.Group));
        Assert.Equal(100 * result.LiftShare(SendTimeEvaluation.Model, s => s.All), rows[0].Value, 9);
        Assert.Equal(result.LiftShare(SendTimeEvaluation.Model, s => s.All) >= SendTimeBenchmark.TargetShare, rows[0].TargetMet);
        Assert.Equal(100 * result.LiftShare(SendTimeEvaluation.Busiest, s => s.Sparse), rows[1].Baseline!.Value, 9);
        Assert.True(rows[^1].TargetMet);
        Assert.Contains(rows, r => r.Target == BenchmarkRow.NoTarget && r.Name.StartsWith(SendTimeEvaluation.Oracle, StringComparison.Ordinal));
    }
}
