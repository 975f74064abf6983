namespace Nurture.Core.SendTime;

public static partial class SendTimeAdvisor
{
    private static Picked Pick(SendTimeRequest request, double[] values, int resolution, string? explorationKey, SendTimeOptions options)
    {
        var now = request.Now;
        var end = now + request.Within;
        var zone = request.Zone;

        // Zones change offset at most twice a year, so a window with the same offset at both ends has it throughout.
        TimeSpan? fixedOffset = zone.GetUtcOffset(now) == zone.GetUtcOffset(end) ? zone.GetUtcOffset(now) : null;
        var allowed = new List<(DateTimeOffset At, double Value)>();
        var bestAny = double.NegativeInfinity;
        var best = -1;
        for (var at = now; at <= end; at = NextGridPoint(at))
        {
            var local = at.UtcDateTime + (fixedOffset ?? zone.GetUtcOffset(at));
            if (at != now && resolution > WeekSlots.SlotMinutes && local.Minute % resolution != 0)
            {
                continue;
            }

            var value = values[WeekSlots.Of(local)];
            bestAny = Math.Max(bestAny, value);
            if (!IsAllowed(request, at, local))
            {
                continue;
            }

            allowed.Add((at, value));
            if (best < 0 || value > allowed[best].Value)
            {
                best = allowed.Count - 1;
            }
        }

        if (best < 0)
        {
            return new Picked(NextAllowed(request, end), Constrained: true, BeyondWindow: true);
        }

        var bestValue = allowed[best].Value;
        var constrained = bestAny > bestValue;
        if (explorationKey is null)
        {
            return new Picked(allowed[best].At, constrained, BeyondWindow: false);
        }

        var eligible = allowed.Where(c => c.Value >= options.ExplorationFloor * bestValue).ToList();
        var index = Math.Min(eligible.Count - 1, (int)(StableDraw.Unit(ExplorationSlotPurpose, explorationKey) * eligible.Count));
        return new Picked(eligible[index].At, constrained, BeyondWindow: false);
    }

    /// <summary>The next quarter-hour boundary (UTC) strictly after <paramref name="at"/>; every zone's offset is a whole number of quarter hours.</summary>
    private static DateTimeOffset NextGridPoint(DateTimeOffset at)
    {
        var ticks = WeekSlots.SlotLength.Ticks;
        var utc = at.UtcTicks;
        return new DateTimeOffset(((utc / ticks) + 1) * ticks, TimeSpan.Zero);
    }

    private static bool IsAllowed(SendTimeRequest request, DateTimeOffset at, DateTime local)
    {
        if (request.QuietHours is { } quiet && quiet.Contains(TimeOnly.FromDateTime(local)))
        {
            return false;
        }

        if (request.Blocked is { } blocked)
        {
            foreach (var interval in blocked)
            {
                if (interval.Contains(at))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The first instant at or after <paramref name="from"/> outside quiet hours and blocked intervals.</summary>
    private static DateTimeOffset NextAllowed(SendTimeRequest request, DateTimeOffset from)
    {
        var at = from;
        var limit = ((request.Blocked?.Count ?? 0) + 1) * 2;
        for (var i = 0; i < limit; i++)
        {
            if (request.QuietHours is { } quiet && quiet.Contains(at, request.Zone))
            {
                at = quiet.EndAfter(at, request.Zone);
            }
            else if (request.Blocked?.FirstOrDefault(b => b.Contains(at)) is { } interval)
            {
                at = interval.End;
            }
            else
            {
                break;
            }
        }

        return at;
    }

    private readonly record struct Picked(DateTimeOffset At, bool Constrained, bool BeyondWindow);
}
