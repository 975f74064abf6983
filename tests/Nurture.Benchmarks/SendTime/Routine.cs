namespace Nurture.Benchmarks.SendTime;

/// <summary>
/// A contact's true attention by local time: habitual peaks over a floor (awake hours higher than night),
/// scaled so the contact looks at their inbox <see cref="ChecksPerDay"/> times a day on average.
/// </summary>
public sealed class Routine
{
    private const int Steps = 7 * 96;
    private readonly double[] _rate = new double[Steps];

    /// <summary>A routine.</summary>
    /// <param name="name">The archetype it came from.</param>
    /// <param name="peaks">Its peaks.</param>
    /// <param name="checksPerDay">Average attention events (inbox checks) per day.</param>
    public Routine(string name, IReadOnlyList<RoutinePeak> peaks, double checksPerDay)
    {
        Name = name;
        ChecksPerDay = checksPerDay;
        var total = 0d;
        for (var i = 0; i < Steps; i++)
        {
            var day = (DayOfWeek)(i / 96);
            var hour = (i % 96) / 4d + 0.125;
            var shape = hour is >= 7 and < 23 ? 0.06 : 0.01;
            foreach (var peak in peaks)
            {
                shape += peak.At(day, hour);
            }

            _rate[i] = shape;
            total += shape;
        }

        // Rate per hour: the week's 168 hours hold 7 × checksPerDay checks.
        var scale = 7 * checksPerDay / (total / 4);
        for (var i = 0; i < Steps; i++)
        {
            _rate[i] *= scale;
        }

        MaxRate = _rate.Max();
    }

    /// <summary>The archetype's name.</summary>
    public string Name { get; }

    /// <summary>Average checks per day.</summary>
    public double ChecksPerDay { get; }

    /// <summary>The highest rate in the week (for thinning).</summary>
    public double MaxRate { get; }

    /// <summary>Attention (checks per hour) at a local wall-clock time, piecewise constant by quarter hour.</summary>
    public double RateAt(DateTime local) => _rate[((int)local.DayOfWeek * 96) + (local.Hour * 4) + (local.Minute / 15)];

    /// <summary>Attention relative to its weekly mean at a local time (a shape that sums to 1 over the week is this / 672).</summary>
    public double RelativeAt(DateTime local) => RateAt(local) / (ChecksPerDay / 24);
}
