using System.Runtime.CompilerServices;

namespace Nurture.Core.SendTime;

/// <summary>A pattern's clusters over the whole week, with their logarithms.</summary>
internal sealed class ExpandedRoutines
{
    private static readonly ConditionalWeakTable<ShopSendTimePattern, ExpandedRoutines> Cache = [];

    private static readonly ExpandedRoutines Default = new(null);

    private readonly ConditionalWeakTable<SendTimeKernels, double[][]> _exposed = [];

    private ExpandedRoutines(ShopSendTimePattern? shop)
    {
        var clusters = shop is not null && !shop.Clusters.IsDefaultOrEmpty && shop.Clusters.All(c => c.IsWellFormed()) ? shop.Clusters : default;
        if (clusters.IsDefault)
        {
            // No clusters: the shop's (or the default) shape is the one routine.
            var shape = shop is not null && shop.IsWellFormed() ? shop.Shape : DefaultAttention.Shape;
            var sum = shape.Sum();
            Values = [shape.Select(v => Math.Max(v / sum, 1e-12)).ToArray()];
            Weights = [1];
        }
        else
        {
            var total = clusters.Sum(c => c.Weight);
            Values = [.. clusters.Select(c => Enumerable.Range(0, WeekSlots.PerWeek).Select(c.At).ToArray())];
            Weights = [.. clusters.Select(c => c.Weight / total)];
        }

        Logs = [.. Values.Select(v => v.Select(x => Math.Log(x)).ToArray())];
    }

    public IReadOnlyList<double[]> Values { get; }

    /// <summary>Per cluster, by slot: the attention a delivery in that slot meets, Σ_d exposure kernel[d] × attention[slot + d].</summary>
    public double[][] ExposedFor(SendTimeKernels kernels) => _exposed.GetValue(kernels, k => [.. Values.Select(v => Convolve(v, k.Exposure))]);

    public IReadOnlyList<double[]> Logs { get; }

    public IReadOnlyList<double> Weights { get; }

    public int Count => Values.Count;

    /// <summary>The routines of a pattern (one, its shape, when it has no clusters; the default curve without a pattern).</summary>
    public static ExpandedRoutines For(ShopSendTimePattern? shop) =>
        shop is null ? Default : Cache.GetValue(shop, static s => new ExpandedRoutines(s));

    private static double[] Convolve(double[] values, double[] kernel)
    {
        var result = new double[values.Length];
        for (var slot = 0; slot < values.Length; slot++)
        {
            var sum = 0d;
            for (var d = 0; d < kernel.Length; d++)
            {
                sum += kernel[d] * values[WeekSlots.Wrap(slot + d)];
            }

            result[slot] = sum;
        }

        return result;
    }
}
