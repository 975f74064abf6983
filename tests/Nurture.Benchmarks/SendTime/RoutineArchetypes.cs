namespace Nurture.Benchmarks.SendTime;

/// <summary>
/// The habits the synthetic population is drawn from, with their shares, in local time. Each contact's copy is
/// jittered (peak times ± 45 min, widths and heights varied), so no two contacts are alike.
/// </summary>
public static class RoutineArchetypes
{
    /// <summary>The archetypes: name, share of contacts, peaks.</summary>
    public static readonly IReadOnlyList<(string Name, double Share, RoutinePeak[] Peaks)> All =
    [
        ("evening", 0.4,
        [
            new(DayKind.Weekdays, 20.5, 1.0, 1.0), new(DayKind.Weekdays, 12.5, 0.5, 0.3),
            new(DayKind.Weekend, 11, 1.5, 0.6), new(DayKind.Weekend, 20.5, 1.2, 0.8),
        ]),
        ("early", 0.15,
        [
            new(DayKind.Weekdays, 7.25, 0.6, 1.0), new(DayKind.Weekdays, 21, 1.0, 0.3), new(DayKind.Weekend, 9, 1.0, 0.7),
        ]),
        ("office", 0.17,
        [
            new(DayKind.Weekdays, 12.25, 0.5, 0.8), new(DayKind.Weekdays, 9.5, 0.7, 0.5),
            new(DayKind.Weekdays, 17.75, 0.6, 0.6), new(DayKind.Weekend, 14, 2.0, 0.4),
        ]),
        ("night", 0.13,
        [
            new(DayKind.All, 23, 1.0, 1.0), new(DayKind.Weekdays, 13, 1.0, 0.3),
        ]),
        ("weekend", 0.15,
        [
            new(DayKind.Weekend, 10.5, 1.5, 1.0), new(DayKind.Weekend, 16, 1.5, 0.6), new(DayKind.Weekdays, 19.5, 1.0, 0.4),
        ]),
    ];

    /// <summary>A jittered copy of a randomly drawn archetype (or of <paramref name="except"/>'s alternatives).</summary>
    public static (string Name, RoutinePeak[] Peaks) Sample(Random random, string? except = null)
    {
        var choices = All.Where(a => a.Name != except).ToArray();
        var draw = random.NextDouble() * choices.Sum(a => a.Share);
        var chosen = choices[^1];
        foreach (var archetype in choices)
        {
            draw -= archetype.Share;
            if (draw < 0)
            {
                chosen = archetype;
                break;
            }
        }

        var peaks = chosen.Peaks
            .Select(p => p with
            {
                CenterHours = p.CenterHours + (Gaussian(random) * 0.75),
                WidthHours = p.WidthHours * (0.7 + (0.7 * random.NextDouble())),
                Height = p.Height * (0.6 + (0.9 * random.NextDouble())),
            })
            .ToArray();
        return (chosen.Name, peaks);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
