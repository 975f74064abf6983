using Nurture.Core.Profiles;
using Nurture.Core.SendTime;

namespace Nurture.Benchmarks.SendTime;

/// <summary>
/// Scores send-time policies on a synthetic population by expected click rate under the true attention, next to
/// fixed 10:00 and 19:00 local, the shop's busiest hour, each contact's most engaged hour (the previous method) and
/// the oracle (the best 5-minute slot in the window under the truth).
/// </summary>
public static class SendTimeEvaluation
{
    /// <summary>Contacts with at most this many genuine engagements are the sparse group.</summary>
    public const int SparseLimit = 3;

#pragma warning disable CS1591 // Policy names.
    public const string Fixed10 = "fixed 10:00 local";
    public const string Fixed19 = "fixed 19:00 local";
    public const string Busiest = "shop's busiest hour";
    public const string MostEngaged = "most engaged hour (previous method)";
    public const string Model = "send-time model";
    public const string Oracle = "oracle";
#pragma warning restore CS1591

    /// <summary>The window every send step offers.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>Every policy, in report order.</summary>
    public static readonly IReadOnlyList<string> Policies = [Fixed10, Fixed19, Busiest, MostEngaged, Model, Oracle];

    /// <summary>Reduces the profiles, draws decision times in the week after the history and scores the baselines.</summary>
    public static PreparedPopulation Prepare(SyntheticPopulation population, ProfileOptions profileOptions)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(profileOptions);
        var contacts = population.Contacts;
        var settings = population.Settings;
        var shopZone = TimeZoneInfo.FindSystemTimeZoneById(settings.ShopZone);
        var random = new Random(settings.Seed ^ 0x5EED);
        var decisions = contacts.Select(_ => settings.HistoryEnd + (ClickModel.Step * random.Next(7 * 288))).ToArray();
        var profiles = new ContactProfile[contacts.Count];
        var curves = new double[contacts.Count][];
        Parallel.For(0, contacts.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            profiles[i] = ProfileReducer.ApplyAll(ContactProfile.Create(contacts[i].Id), contacts[i].Events, profileOptions);
            curves[i] = ClickModel.Curve(contacts[i], decisions[i], Window);
        });

        var busiest = new TimeOnly(BaselinePolicies.BusiestHour(contacts, shopZone), 0);
        var baselines = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var policy in new[] { Fixed10, Fixed19, Busiest, MostEngaged, Oracle })
        {
            baselines[policy] = new double[contacts.Count];
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            var (contact, now, curve) = (contacts[i], decisions[i], curves[i]);
            baselines[Fixed10][i] = ClickModel.At(curve, now, BaselinePolicies.FixedLocal(contact, shopZone, now, new TimeOnly(10, 0)));
            baselines[Fixed19][i] = ClickModel.At(curve, now, BaselinePolicies.FixedLocal(contact, shopZone, now, new TimeOnly(19, 0)));
            baselines[Busiest][i] = ClickModel.At(curve, now, BaselinePolicies.FixedLocal(contact, shopZone, now, busiest));
            baselines[MostEngaged][i] = ClickModel.At(curve, now, BaselinePolicies.MostEngagedHour(contact, now, Window, profileOptions));
            baselines[Oracle][i] = curve.Max();
        }

        return new PreparedPopulation(population, profiles, decisions, curves, baselines, profileOptions);
    }

    /// <summary>The shop pattern as the host's timer would keep it: built twice, the second build calibrated by the first.</summary>
    public static ShopSendTimePattern ShopPattern(PreparedPopulation prepared, SendTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ShopSendTimePattern? pattern = null;
        for (var round = 0; round < 2; round++)
        {
            var builder = new ShopSendTimePatternBuilder(prepared.Population.Settings.ShopZone, pattern, options);
            foreach (var profile in prepared.Profiles)
            {
                builder.Add(profile.SendTime.DecayedTo(prepared.Population.Settings.HistoryEnd, prepared.ProfileOptions.EngagementHalfLife), profile.Attribute(ProfileAttributes.TimeZone));
            }

            pattern = builder.Build(prepared.Population.Settings.HistoryEnd);
        }

        return pattern!;
    }

    /// <summary>Scores the send-time model with <paramref name="options"/> next to the prepared baselines.</summary>
    public static EvaluationResult Score(PreparedPopulation prepared, SendTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(options);
        var pattern = ShopPattern(prepared, options);
        var contacts = prepared.Population.Contacts;
        var model = new double[contacts.Count];
        for (var i = 0; i < contacts.Count; i++)
        {
            var choice = Decide(prepared, pattern, options, i);
            model[i] = ClickModel.At(prepared.Curves[i], prepared.Decisions[i], choice.At);
        }

        var sparse = contacts.Select(c => c.GenuineEngagements <= SparseLimit).ToArray();
        var scores = Policies.Select(p => Summarise(p, p == Model ? model : prepared.Baselines[p], sparse)).ToList();
        return new EvaluationResult(prepared.Population.Settings.Seed, contacts.Count, sparse.Count(s => s), scores);
    }

    /// <summary>The model's choice for contact <paramref name="index"/>, as the decider would make it (exploration on).</summary>
    public static SendTimeChoice Decide(PreparedPopulation prepared, ShopSendTimePattern pattern, SendTimeOptions options, int index)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var profile = prepared.Profiles[index];
        var now = prepared.Decisions[index];
        return SendTimeAdvisor.Advise(
            profile.SendTime.IsEmpty ? null : profile.SendTime.DecayedTo(now, prepared.ProfileOptions.EngagementHalfLife),
            profile.Attribute(ProfileAttributes.TimeZone),
            pattern,
            now,
            Window,
            explorationKey: "m-" + profile.ContactId,
            options: options);
    }

    private static PolicyScore Summarise(string policy, double[] values, bool[] sparse)
    {
        double all = 0, few = 0, many = 0;
        int fewCount = 0, manyCount = 0;
        for (var i = 0; i < values.Length; i++)
        {
            all += values[i];
            if (sparse[i])
            {
                few += values[i];
                fewCount++;
            }
            else
            {
                many += values[i];
                manyCount++;
            }
        }

        return new PolicyScore(policy, all / Math.Max(1, values.Length), few / Math.Max(1, fewCount), many / Math.Max(1, manyCount));
    }
}
