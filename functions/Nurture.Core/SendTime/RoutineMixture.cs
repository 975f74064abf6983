namespace Nurture.Core.SendTime;

/// <summary>
/// The shop's routine clusters as a prior for one contact: the posterior over (zone, cluster) given the contact's
/// evidence, and the prior attention it implies in the zone the choice is made in. Pure.
/// </summary>
/// <remarks>
/// With a known zone there is one frame. Without one, every zone the shop's contacts live in is a frame, weighted by
/// its share: the contact's UTC evidence tells zone and routine together, and the prior is the mixture over both,
/// so an uncertain zone blurs the choice instead of betting on one zone.
/// </remarks>
internal static class RoutineMixture
{
    private const double Negligible = 1e-4;

    /// <summary>Posterior weights of each (frame, cluster), frames in the order given.</summary>
    public static double[,] Posterior(CorrectedEvidence evidence, ShopSendTimePattern? shop, IReadOnlyList<(TimeZoneInfo Zone, double Share)> frames, DateTimeOffset now, SendTimeOptions options)
    {
        var clusters = ExpandedFor(shop);
        var exposed = clusters.ExposedFor(SendTimeKernels.For(options));
        var scores = new double[frames.Count, clusters.Count];
        // The likelihood of where the recorded evidence fell, given that our deliveries multiplied the chance of
        // engagement by (1 + g) in exposed slots: Σ w log φ(slot) − W log Σ φ (1 + g), counting at most EvidenceCap
        // observations (evidence comes in bursts). The slots just after a delivery are left out of both sums:
        // privacy-proxy opens that SendGrid did not flag land there.
        var scale = evidence.CountedTotal > options.EvidenceCap ? options.EvidenceCap / evidence.CountedTotal : 1;
        var best = double.NegativeInfinity;
        for (var f = 0; f < frames.Count; f++)
        {
            var offsets = WeekSlots.SeasonOffsets(frames[f].Zone, now);
            var local = new int[evidence.Keys.Length];
            for (var i = 0; i < local.Length; i++)
            {
                local[i] = WeekSlots.LocalSlotOfKey(evidence.Keys[i], offsets);
            }

            var delivered = new int[evidence.DeliveryKeys.Length];
            for (var i = 0; i < delivered.Length; i++)
            {
                delivered[i] = WeekSlots.LocalSlotOfKey(evidence.DeliveryKeys[i], offsets);
            }

            var window = new int[evidence.WindowKeys.Length];
            for (var i = 0; i < window.Length; i++)
            {
                window[i] = WeekSlots.LocalSlotOfKey(evidence.WindowKeys[i], offsets);
            }

            for (var k = 0; k < clusters.Count; k++)
            {
                var log = clusters.Logs[k];
                var values = clusters.Values[k];
                var exposedAttention = exposed[k];
                var score = 0d;
                for (var i = 0; i < local.Length; i++)
                {
                    if (evidence.Counted[i])
                    {
                        score += evidence.Recorded[i] * log[local[i]];
                    }
                }

                // Σ over slots of attention × (1 + g), outside the window: 1 + Σ attention × g − Σ_window attention × (1 + g).
                var normaliser = 1d;
                for (var i = 0; i < delivered.Length; i++)
                {
                    normaliser += evidence.DeliveryFactors[i] * exposedAttention[delivered[i]];
                }

                for (var i = 0; i < window.Length; i++)
                {
                    normaliser -= values[window[i]] * evidence.WindowFactors[i];
                }

                score -= evidence.CountedTotal * Math.Log(Math.Max(normaliser, 1e-12));
                score = Math.Log(Math.Max(frames[f].Share, 1e-9)) + Math.Log(clusters.Weights[k]) + (scale * score);
                scores[f, k] = score;
                best = Math.Max(best, score);
            }
        }

        var total = 0d;
        for (var f = 0; f < frames.Count; f++)
        {
            for (var k = 0; k < clusters.Count; k++)
            {
                scores[f, k] = Math.Exp(scores[f, k] - best);
                total += scores[f, k];
            }
        }

        for (var f = 0; f < frames.Count; f++)
        {
            for (var k = 0; k < clusters.Count; k++)
            {
                scores[f, k] /= total;
            }
        }

        return scores;
    }

    /// <summary>The prior attention by local slot of <paramref name="target"/>: the posterior mixture of the clusters, each seen from its frame.</summary>
    public static double[] Prior(double[,] posterior, ShopSendTimePattern? shop, IReadOnlyList<(TimeZoneInfo Zone, double Share)> frames, TimeZoneInfo target, DateTimeOffset now)
    {
        var clusters = ExpandedFor(shop);
        var prior = new double[WeekSlots.PerWeek];
        var mixture = new double[WeekSlots.PerWeek];
        var targetOffset = Offset(target, now);
        for (var f = 0; f < frames.Count; f++)
        {
            Array.Clear(mixture);
            var any = false;
            for (var k = 0; k < clusters.Count; k++)
            {
                var weight = posterior[f, k];
                if (weight < Negligible)
                {
                    continue;
                }

                any = true;
                var values = clusters.Values[k];
                for (var slot = 0; slot < mixture.Length; slot++)
                {
                    mixture[slot] += weight * values[slot];
                }
            }

            if (!any)
            {
                continue;
            }

            // The target's slot s is the frame's slot s + shift.
            var shift = WeekSlots.Wrap(Offset(frames[f].Zone, now) - targetOffset);
            var head = WeekSlots.PerWeek - shift;
            for (var slot = 0; slot < head; slot++)
            {
                prior[slot] += mixture[slot + shift];
            }

            for (var slot = head; slot < WeekSlots.PerWeek; slot++)
            {
                prior[slot] += mixture[slot - head];
            }
        }

        return prior;
    }

    /// <summary>
    /// How sure the posterior is of the contact's routine and zone: 1 − its entropy over the prior's (0 when the
    /// evidence taught nothing, 1 when one routine in one zone is certain).
    /// </summary>
    public static double Certainty(double[,] posterior, ShopSendTimePattern? shop, IReadOnlyList<(TimeZoneInfo Zone, double Share)> frames)
    {
        var clusters = ExpandedFor(shop);
        var frameTotal = frames.Sum(f => f.Share);
        double prior = 0, after = 0;
        for (var f = 0; f < frames.Count; f++)
        {
            for (var k = 0; k < clusters.Count; k++)
            {
                var p = frames[f].Share / frameTotal * clusters.Weights[k];
                prior -= p > 0 ? p * Math.Log(p) : 0;
                var q = posterior[f, k];
                after -= q > 0 ? q * Math.Log(q) : 0;
            }
        }

        return prior <= 1e-12 ? 0 : Math.Clamp(1 - (after / prior), 0, 1);
    }

    private static int Offset(TimeZoneInfo zone, DateTimeOffset now) => (int)Math.Round(zone.GetUtcOffset(now).TotalMinutes / WeekSlots.SlotMinutes);

    private static ExpandedRoutines ExpandedFor(ShopSendTimePattern? shop) => ExpandedRoutines.For(shop);
}
