namespace Nurture.Core.SendTime;

/// <summary>
/// A contact's evidence ready for estimation, by storage key: as recorded and with exposure discounted (as
/// organic-equivalent engagement), and the exposure itself as the factor g by which our deliveries multiplied the
/// expected engagement in each exposed slot (expected engagement ∝ attention × (1 + g)).
/// </summary>
internal sealed class CorrectedEvidence
{
    public static readonly CorrectedEvidence None = new([], [], [], [], [], [], [], []);

    public CorrectedEvidence(int[] keys, double[] recorded, double[] weights, bool[] counted, int[] deliveryKeys, double[] deliveryFactors, int[] windowKeys, double[] windowFactors)
    {
        Keys = keys;
        Recorded = recorded;
        Weights = weights;
        Counted = counted;
        DeliveryKeys = deliveryKeys;
        DeliveryFactors = deliveryFactors;
        WindowKeys = windowKeys;
        WindowFactors = windowFactors;
        for (var i = 0; i < keys.Length; i++)
        {
            Total += weights[i];
            CountedTotal += counted[i] ? recorded[i] : 0;
        }
    }

    /// <summary>Storage keys (<see cref="WeekSlots.KeyOf"/>).</summary>
    public int[] Keys { get; }

    /// <summary>The recorded (decayed) weight of each key.</summary>
    public double[] Recorded { get; }

    /// <summary>The exposure-corrected weight of each key.</summary>
    public double[] Weights { get; }

    /// <summary>Whether each key counts in the routine likelihood (it is not just after a delivery).</summary>
    public bool[] Counted { get; }

    /// <summary>The keys our deliveries went out in.</summary>
    public int[] DeliveryKeys { get; }

    /// <summary>
    /// For each delivery key: its decayed deliveries × the contact's response rate / organic rate per slot, so that
    /// Σ factor × (exposure kernel ⊛ attention)(key) is Σ over slots of attention × g.
    /// </summary>
    public double[] DeliveryFactors { get; }

    /// <summary>The keys within <see cref="SendTimeOptions.MachineOpenMinutes"/> after a delivery (left out of the routine likelihood).</summary>
    public int[] WindowKeys { get; }

    /// <summary>1 + g for each window key.</summary>
    public double[] WindowFactors { get; }

    /// <summary>The effective evidence: the sum of the corrected weights.</summary>
    public double Total { get; }

    /// <summary>The sum of the recorded weights that count in the routine likelihood.</summary>
    public double CountedTotal { get; }
}
