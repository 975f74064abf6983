namespace Nurture.Core.SendTime;

public sealed partial class ShopSendTimePatternBuilder
{
    private const int MinSamplesPerCluster = 5;

    /// <summary>Expectation-maximisation of the routine clusters over the contacts' (capped) local evidence.</summary>
    private RoutineCluster[] LearnClusters(List<Sample> samples)
    {
        var count = _options.ClusterCount;
        if (count == 0 || samples.Count < count * MinSamplesPerCluster)
        {
            return [];
        }

        var clusters = _previous is { } previous && !previous.Clusters.IsDefault && previous.Clusters.Length == count && previous.Clusters.All(c => c.IsWellFormed())
            ? previous.Clusters.ToArray()
            : Seeds(count);
        var (priorWeekday, priorWeekend) = DefaultByDayKind(_options.ClusterPriorStrength);
        var smoothing = SendTimeKernels.For(_options).ShopSmoothing;
        var totalMass = samples.Sum(s => s.Weights.Sum());
        for (var round = 0; round < _options.ClusterIterations; round++)
        {
            var logs = clusters.Select(c => Enumerable.Range(0, WeekSlots.PerWeek).Select(slot => Math.Log(c.At(slot))).ToArray()).ToArray();
            var logWeights = clusters.Select(c => Math.Log(c.Weight)).ToArray();
            var weekday = new double[count][];
            var weekend = new double[count][];
            var responsibility = new double[count];
            for (var k = 0; k < count; k++)
            {
                weekday[k] = (double[])priorWeekday.Clone();
                weekend[k] = (double[])priorWeekend.Clone();
            }

            var scores = new double[count];
            foreach (var sample in samples)
            {
                var best = double.NegativeInfinity;
                for (var k = 0; k < count; k++)
                {
                    var score = logWeights[k];
                    for (var i = 0; i < sample.Slots.Length; i++)
                    {
                        score += sample.Weights[i] * logs[k][sample.Slots[i]];
                    }

                    scores[k] = score;
                    best = Math.Max(best, score);
                }

                var total = 0d;
                for (var k = 0; k < count; k++)
                {
                    scores[k] = Math.Exp(scores[k] - best);
                    total += scores[k];
                }

                var mass = sample.Weights.Sum();
                for (var k = 0; k < count; k++)
                {
                    var r = scores[k] / total;
                    responsibility[k] += r * mass;
                    for (var i = 0; i < sample.Slots.Length; i++)
                    {
                        var slot = sample.Slots[i];
                        var bins = slot / WeekSlots.PerDay is 0 or 6 ? weekend[k] : weekday[k];
                        bins[slot % WeekSlots.PerDay] += r * sample.Weights[i];
                    }
                }
            }

            for (var k = 0; k < count; k++)
            {
                // The bins hold five weekdays' and two weekend days' evidence; the cluster holds attention per day.
                var weight = (responsibility[k] + 1) / (totalMass + count);
                clusters[k] = RoutineCluster.Normalised(weight, SmoothDay(weekday[k], smoothing, 1d / 5), SmoothDay(weekend[k], smoothing, 1d / 2));
            }
        }

        return clusters;
    }

    /// <summary>Starting clusters: one evening-to-morning spread of single daily peaks over a waking-hours floor.</summary>
    private static RoutineCluster[] Seeds(int count)
    {
        var clusters = new RoutineCluster[count];
        for (var k = 0; k < count; k++)
        {
            var center = count == 1 ? 19.5 : 6.5 + (16d * k / (count - 1));
            var day = new double[WeekSlots.PerDay];
            for (var t = 0; t < day.Length; t++)
            {
                var hour = (t + 0.5) / 4;
                var distance = Math.Abs(hour - center);
                distance = Math.Min(distance, 24 - distance);
                day[t] = (hour is >= 7 and < 23 ? 0.05 : 0.01) + Math.Exp(-0.5 * distance * distance / (1.5 * 1.5));
            }

            clusters[k] = RoutineCluster.Normalised(1d / count, day, day);
        }

        return clusters;
    }

    /// <summary>The default curve folded onto a weekday and a weekend day, as <paramref name="strength"/> pseudo-engagements.</summary>
    private static (double[] Weekday, double[] Weekend) DefaultByDayKind(double strength)
    {
        var weekday = new double[WeekSlots.PerDay];
        var weekend = new double[WeekSlots.PerDay];
        for (var slot = 0; slot < WeekSlots.PerWeek; slot++)
        {
            var bins = slot / WeekSlots.PerDay is 0 or 6 ? weekend : weekday;
            bins[slot % WeekSlots.PerDay] += strength * DefaultAttention.Shape[slot];
        }

        return (weekday, weekend);
    }

    /// <summary>Circular smoothing over one day's quarter hours, times <paramref name="scale"/>.</summary>
    private static double[] SmoothDay(double[] values, double[] kernel, double scale)
    {
        var half = kernel.Length / 2;
        var smoothed = new double[values.Length];
        for (var t = 0; t < values.Length; t++)
        {
            for (var d = -half; d <= half; d++)
            {
                smoothed[(((t + d) % values.Length) + values.Length) % values.Length] += values[t] * kernel[d + half] * scale;
            }
        }

        return smoothed;
    }

    /// <summary>One contact's evidence by local slot, capped, kept for learning the clusters.</summary>
    private sealed record Sample(int[] Slots, double[] Weights);
}
