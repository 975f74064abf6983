namespace Nurture.Core.Metrics.Statistics;

/// <summary>A count of successes out of trials (converted out of assigned, clicked out of sent).</summary>
/// <param name="Successes">How many succeeded.</param>
/// <param name="Trials">How many were tried.</param>
public readonly record struct ProportionSample(int Successes, int Trials)
{
    /// <summary>The observed rate; zero without trials.</summary>
    public double Rate => Trials == 0 ? 0 : (double)Successes / Trials;

    /// <summary>Throws unless 0 ≤ successes ≤ trials.</summary>
    public void ThrowIfInvalid()
    {
        if (Trials < 0 || Successes < 0 || Successes > Trials)
        {
            throw new ArgumentOutOfRangeException(nameof(Successes), $"A proportion needs 0 <= successes <= trials; got {Successes} of {Trials}.");
        }
    }
}
