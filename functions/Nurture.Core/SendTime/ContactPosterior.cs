namespace Nurture.Core.SendTime;

/// <summary>What one contact's evidence says before a choice: the corrected evidence, the zones considered and the posterior over (zone, routine).</summary>
/// <param name="Evidence">The corrected evidence.</param>
/// <param name="Frames">The zones considered, with prior shares.</param>
/// <param name="Posterior">Posterior weight of each (frame, cluster).</param>
internal sealed record ContactPosterior(CorrectedEvidence Evidence, IReadOnlyList<(TimeZoneInfo Zone, double Share)> Frames, double[,] Posterior)
{
    /// <summary>Whether this was computed for exactly these frames.</summary>
    public bool Fits(IReadOnlyList<(TimeZoneInfo Zone, double Share)> frames)
    {
        if (frames.Count != Frames.Count)
        {
            return false;
        }

        for (var i = 0; i < frames.Count; i++)
        {
            if (!string.Equals(frames[i].Zone.Id, Frames[i].Zone.Id, StringComparison.Ordinal) || frames[i].Share != Frames[i].Share)
            {
                return false;
            }
        }

        return true;
    }
}
