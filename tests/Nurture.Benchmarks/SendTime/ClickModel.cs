namespace Nurture.Benchmarks.SendTime;

/// <summary>
/// The truth a send is scored by: a message delivered at s is noticed at the contact's first inbox check that
/// "sees" it, each check at age u seeing it with chance exp(−u / read time); checks follow the contact's true
/// attention. So P(noticed) = 1 − exp(−Λ(s)), Λ(s) = ∫ attention(s + u) · exp(−u / read time) du, and the
/// expected click rate is P(open | noticed) · P(click | open) · P(noticed). The same process generated the
/// history's opens and clicks.
/// </summary>
public static class ClickModel
{
    /// <summary>The grid the oracle chooses on and sends are scored on.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Horizon = TimeSpan.FromHours(48);

    /// <summary>Expected click rate of a send at now + k × <see cref="Step"/>, for k = 0 to the end of the window.</summary>
    public static double[] Curve(SyntheticContact contact, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var count = (int)(window / Step) + 1;
        var total = count + (int)(Horizon / Step);
        var hours = Step.TotalHours;
        var fade = Math.Exp(-Step.TotalMinutes / contact.ReadMinutes);
        var exposure = new double[count];
        var running = 0d;
        for (var i = total - 1; i >= 0; i--)
        {
            var at = now + (Step * i);
            running = (contact.Routine.RateAt(at.UtcDateTime + contact.Zone.GetUtcOffset(at)) * hours) + (fade * running);
            if (i < count)
            {
                exposure[i] = running;
            }
        }

        var scale = contact.OpenProbability * contact.ClickProbability;
        return [.. exposure.Select(x => scale * (1 - Math.Exp(-x)))];
    }

    /// <summary>The curve's value for a send at <paramref name="at"/> (on the grid, inside the window).</summary>
    public static double At(double[] curve, DateTimeOffset now, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var index = (int)Math.Round((at - now) / Step);
        if (index < 0 || index >= curve.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "A policy chose a time outside the window.");
        }

        return curve[index];
    }
}
