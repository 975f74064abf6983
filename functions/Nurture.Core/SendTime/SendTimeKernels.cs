using System.Runtime.CompilerServices;

namespace Nurture.Core.SendTime;

/// <summary>The kernels one set of <see cref="SendTimeOptions"/> implies, computed once per options instance.</summary>
internal sealed class SendTimeKernels
{
    private static readonly ConditionalWeakTable<SendTimeOptions, SendTimeKernels> Cache = [];

    private SendTimeKernels(SendTimeOptions options)
    {
        var exposureStep = Math.Exp(-WeekSlots.SlotMinutes / options.ExposureMinutes);
        var exposureSlots = (int)Math.Ceiling(4 * options.ExposureMinutes / WeekSlots.SlotMinutes);
        Exposure = new double[exposureSlots + 1];
        for (var d = 0; d <= exposureSlots; d++)
        {
            // Hours of exposure a delivery adds to the slot d slots after it.
            Exposure[d] = Math.Pow(exposureStep, d) * WeekSlots.SlotMinutes / 60d;
        }

        ExposureHoursPerDelivery = Exposure.Sum();
        Smoothing = Gaussian(options.SmoothingMinutes);
        ShopSmoothing = Gaussian(options.ShopSmoothingMinutes);
        ReadFactor = Math.Exp(-WeekSlots.SlotMinutes / options.ReadMinutes);
    }

    /// <summary>Exposure hours a delivery adds to the slot d slots later, for d = 0 to the kernel's end.</summary>
    public double[] Exposure { get; }

    /// <summary>The sum of <see cref="Exposure"/>: hours of exposure one delivery adds.</summary>
    public double ExposureHoursPerDelivery { get; }

    /// <summary>The time-of-day smoothing weights, centred, summing to 1.</summary>
    public double[] Smoothing { get; }

    /// <summary>The shop pattern's time-of-day smoothing weights, centred, summing to 1.</summary>
    public double[] ShopSmoothing { get; }

    /// <summary>How much a slot one step later counts toward a slot's value.</summary>
    public double ReadFactor { get; }

    /// <summary>The kernels of <paramref name="options"/>.</summary>
    public static SendTimeKernels For(SendTimeOptions options) => Cache.GetValue(options, static o => new SendTimeKernels(o));

    private static double[] Gaussian(double minutes)
    {
        var sigma = minutes / WeekSlots.SlotMinutes;
        var half = sigma <= 0 ? 0 : (int)Math.Ceiling(3 * sigma);
        var weights = new double[(2 * half) + 1];
        for (var d = -half; d <= half; d++)
        {
            weights[d + half] = sigma <= 0 ? 1 : Math.Exp(-0.5 * d * d / (sigma * sigma));
        }

        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= total;
        }

        return weights;
    }
}
