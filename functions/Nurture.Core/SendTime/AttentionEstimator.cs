namespace Nurture.Core.SendTime;

/// <summary>
/// The steps from a contact's stored model to their attention by local slot: discount exposure, move to local
/// time, smooth, pool days. Pure; the advisor and the shop pattern builder share it.
/// </summary>
/// <remarks>
/// Exposure: engagement in a slot is modelled as attention × (organic rate + response rate × exposure), where
/// exposure is how long our delivered messages were waiting in that slot. Scaling each slot's evidence by
/// organic / (organic + response × exposure) leaves an estimate proportional to attention alone, so opens that
/// pile up after our usual send time no longer make it look like the contact's best time. The contact's own
/// rates are shrunk toward the shop's.
/// </remarks>
internal static class AttentionEstimator
{
    /// <summary>Observation time assumed at least, so a brand-new contact's first send does not swamp everything.</summary>
    public const double MinObservedHours = 168;

    /// <summary>The contact's evidence with exposure discounted.</summary>
    public static CorrectedEvidence Correct(SendTimeModel? model, double responseRate, double organicRate, SendTimeOptions options)
    {
        if (model is null || model.Engagement.Count == 0)
        {
            return CorrectedEvidence.None;
        }

        // Expected engagement in a slot = attention × (organic per slot + response rate × exposure hours there).

        var kernels = SendTimeKernels.For(options);
        var deliveries = model.Deliveries;
        var observed = Math.Max(model.ObservedHours, MinObservedHours);
        var engagement = model.Engagement.Total();
        var responses = Math.Clamp(model.ResponseWeight, 0, engagement);
        var ownResponseRate = (responses + (options.ResponsePriorHours * responseRate)) / ((deliveries.Total() * kernels.ExposureHoursPerDelivery) + options.ResponsePriorHours);
        var ownOrganicRate = (engagement - responses + (options.OrganicPriorHours * organicRate)) / (observed + options.OrganicPriorHours);
        var organicPerSlot = ownOrganicRate * observed / WeekSlots.PerWeek;
        var exposure = new double[WeekSlots.KeyCount];
        var justDelivered = new bool[WeekSlots.KeyCount];
        var machineSlots = (int)Math.Ceiling(options.MachineOpenMinutes / WeekSlots.SlotMinutes);
        for (var j = 0; j < deliveries.Count; j++)
        {
            var season = deliveries.Keys[j] / WeekSlots.PerWeek * WeekSlots.PerWeek;
            var slot = deliveries.Keys[j] % WeekSlots.PerWeek;
            for (var d = 0; d < kernels.Exposure.Length; d++)
            {
                var key = season + WeekSlots.Wrap(slot + d);
                exposure[key] += deliveries.Values[j] * kernels.Exposure[d];
                justDelivered[key] |= d < machineSlots;
            }
        }

        var count = model.Engagement.Count;
        var keys = new int[count];
        var recorded = new double[count];
        var weights = new double[count];
        var counted = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var key = model.Engagement.Keys[i];
            keys[i] = key;
            recorded[i] = model.Engagement.Values[i];
            weights[i] = recorded[i] * organicPerSlot / (organicPerSlot + (ownResponseRate * exposure[key]));
            counted[i] = !justDelivered[key];
        }

        var perHour = ownResponseRate / organicPerSlot;
        var deliveryFactors = new double[deliveries.Count];
        for (var j = 0; j < deliveries.Count; j++)
        {
            deliveryFactors[j] = deliveries.Values[j] * perHour;
        }

        var windowKeys = new List<int>();
        var windowFactors = new List<double>();
        for (var key = 0; key < WeekSlots.KeyCount; key++)
        {
            if (justDelivered[key])
            {
                windowKeys.Add(key);
                windowFactors.Add(1 + (perHour * exposure[key]));
            }
        }

        return new CorrectedEvidence(keys, recorded, weights, counted, [.. deliveries.Keys], deliveryFactors, [.. windowKeys], [.. windowFactors]);
    }

    /// <summary>Adds the evidence, smoothed over time of day, to <paramref name="into"/> by local slot.</summary>
    public static void AddLocal(CorrectedEvidence evidence, (int Winter, int Summer) offsets, double scale, double[] smoothing, double[] into)
    {
        var half = smoothing.Length / 2;
        for (var i = 0; i < evidence.Keys.Length; i++)
        {
            var local = WeekSlots.LocalSlotOfKey(evidence.Keys[i], offsets);
            var weight = evidence.Weights[i] * scale;
            for (var d = -half; d <= half; d++)
            {
                into[WeekSlots.Wrap(local + d)] += weight * smoothing[d + half];
            }
        }
    }

    /// <summary>Pools each time of day across days of the week, in place; the total is unchanged.</summary>
    /// <param name="values">Values by local slot.</param>
    /// <param name="sameDayShare">Share kept on the slot's own day.</param>
    /// <param name="kindShare">Share pooled over days of the same kind (weekdays or weekend); the rest over all days.</param>
    public static void PoolDays(double[] values, double sameDayShare, double kindShare)
    {
        var allShare = 1 - sameDayShare - kindShare;
        for (var t = 0; t < WeekSlots.PerDay; t++)
        {
            double weekdays = 0, weekend = 0;
            for (var day = 0; day < 7; day++)
            {
                var v = values[(day * WeekSlots.PerDay) + t];
                if (day is 0 or 6)
                {
                    weekend += v;
                }
                else
                {
                    weekdays += v;
                }
            }

            var all = (weekdays + weekend) / 7;
            for (var day = 0; day < 7; day++)
            {
                var slot = (day * WeekSlots.PerDay) + t;
                var kind = day is 0 or 6 ? weekend / 2 : weekdays / 5;
                values[slot] = (sameDayShare * values[slot]) + (kindShare * kind) + (allShare * all);
            }
        }
    }
}
