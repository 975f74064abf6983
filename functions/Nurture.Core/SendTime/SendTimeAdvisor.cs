using Nurture.Core.Journeys.Policies;

namespace Nurture.Core.SendTime;

/// <summary>
/// Chooses when to send to one contact: the slot in the window where the contact's estimated attention in the
/// following hours is highest, avoiding quiet hours and full frequency caps, explained. Pure: no clock, no I/O,
/// no randomness (exploration draws hash the message id).
/// </summary>
/// <remarks>
/// The estimate: the contact's exposure-corrected evidence in local time, smoothed over time of day and pooled
/// over days, shrunk with weight n / (n + <see cref="SendTimeOptions.PriorStrength"/>) for n engagements toward a
/// prior: the shop's routine clusters weighted by how well each fits the contact's evidence (and, without a profile
/// zone, over the zones the shop's contacts live in); the clusters are themselves shrunk toward <see cref="DefaultAttention"/>. A slot's value
/// is the attention in the hours after it weighted by exp(−t / <see cref="SendTimeOptions.ReadMinutes"/>), since a
/// message waits in the inbox until the contact looks.
/// </remarks>
public static partial class SendTimeAdvisor
{
    /// <summary>The purpose string of the exploration draw (see <see cref="StableDraw"/>).</summary>
    public const string ExplorationPurpose = "sendtime-explore";

    private const string ExplorationSlotPurpose = "sendtime-explore-slot";

    /// <summary>The explained choice for a request.</summary>
    /// <param name="request">The contact, the shop, the window and the constraints.</param>
    public static SendTimeChoice Choose(SendTimeRequest request) => ChooseWith(request, null);

    private static SendTimeChoice ChooseWith(SendTimeRequest request, ContactPosterior? computed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Zone);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Within.Ticks, nameof(request.Within));
        var options = request.Options ?? SendTimeOptions.Default;
        var estimate = Estimate(request, options, computed);
        var explore = request.ExplorationKey is { } key && IsExplored(key, options);
        var resolution = estimate.Basis == SendTimeBasis.Default ? 60 : WeekSlots.SlotMinutes;
        var pick = Pick(request, estimate.Values, resolution, explore ? request.ExplorationKey : null, options);
        var atNow = estimate.Values[WeekSlots.LocalSlot(request.Now, request.Zone)];
        var atChoice = estimate.Values[WeekSlots.LocalSlot(pick.At, request.Zone)];
        return new SendTimeChoice(
            pick.At.ToUniversalTime(),
            TimeZoneInfo.ConvertTime(pick.At, request.Zone),
            request.Zone.Id,
            request.ZoneSource,
            estimate.Basis,
            request.Model?.EngagementCount ?? 0,
            estimate.EffectiveEvidence,
            estimate.Confidence,
            resolution,
            explore,
            pick.Constrained,
            pick.BeyondWindow,
            atNow > 0 ? atChoice / atNow : 1);
    }

    /// <summary>Resolves the contact's zone and chooses: the entry point for one contact's send time over HTTP.</summary>
    /// <param name="model">The contact's model valued at <paramref name="now"/>, if any.</param>
    /// <param name="timeZone">The contact's IANA zone from the profile, if any.</param>
    /// <param name="shop">The shop's pattern, if any.</param>
    /// <param name="now">Decision time.</param>
    /// <param name="within">Window length.</param>
    /// <param name="quietHours">Quiet hours, if any.</param>
    /// <param name="blocked">Blocked intervals, if any.</param>
    /// <param name="explorationKey">Exploration key; null never explores (an advice that is not a send).</param>
    /// <param name="options">Settings; <see cref="SendTimeOptions.Default"/> when null.</param>
    public static SendTimeChoice Advise(
        SendTimeModel? model,
        string? timeZone,
        ShopSendTimePattern? shop,
        DateTimeOffset now,
        TimeSpan within,
        QuietHours? quietHours = null,
        IReadOnlyList<BlockedInterval>? blocked = null,
        string? explorationKey = null,
        SendTimeOptions? options = null)
    {
        var zone = SendTimeZones.ResolveWith(timeZone, model, shop, now, options, out var computed);
        return ChooseWith(new SendTimeRequest(now, within, zone.Zone, model, shop, quietHours, blocked, explorationKey, zone.Source, options), computed);
    }

    /// <summary>Whether the send with this key is in the exploration share.</summary>
    /// <param name="key">The message id.</param>
    /// <param name="options">Settings.</param>
    public static bool IsExplored(string key, SendTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ExplorationShare > 0 && StableDraw.Unit(ExplorationPurpose, key) < options.ExplorationShare;
    }

    private static AttentionEstimate Estimate(SendTimeRequest request, SendTimeOptions options, ContactPosterior? computed)
    {
        var pattern = request.Shop is { } shop && shop.IsWellFormed() ? shop : null;
        var zone = request.Zone;
        var frames = SendTimeFrames.For(zone, request.ZoneSource == ZoneSource.Profile, pattern);
        var reuse = computed is not null && computed.Fits(frames);
        var evidence = reuse ? computed!.Evidence : AttentionEstimator.Correct(request.Model, pattern?.ResponseRate ?? options.DefaultResponseRate, pattern?.OrganicRate ?? options.DefaultOrganicRate, options);
        var posterior = reuse ? computed!.Posterior : RoutineMixture.Posterior(evidence, pattern, frames, request.Now, options);
        var prior = RoutineMixture.Prior(posterior, pattern, frames, zone, request.Now);
        var attention = new double[WeekSlots.PerWeek];
        var n = evidence.Total;
        if (n > 0)
        {
            AttentionEstimator.AddLocal(evidence, WeekSlots.SeasonOffsets(zone, request.Now), 1, SendTimeKernels.For(options).Smoothing, attention);
            AttentionEstimator.PoolDays(attention, options.SameDayShare, options.DayKindShare);
        }

        var k = options.PriorStrength;
        var priorTotal = prior.Sum();
        for (var i = 0; i < attention.Length; i++)
        {
            attention[i] = (attention[i] + (k * prior[i] / priorTotal)) / (n + k);
        }

        var personal = n / (n + k);
        var learned = pattern is null ? 0 : pattern.EvidenceWeight / (pattern.EvidenceWeight + options.ShopPriorStrength);
        var basis = n > 0 && n >= options.PersonalEvidence ? SendTimeBasis.Personal
            : pattern is not null && pattern.EvidenceWeight >= options.MinShopEvidence ? SendTimeBasis.Shop
            : SendTimeBasis.Default;
        var certainty = RoutineMixture.Certainty(posterior, pattern, frames);
        var confidence = personal + ((1 - personal) * learned * certainty);
        return new AttentionEstimate(ValueOfSlots(attention, SendTimeKernels.For(options).ReadFactor), n, personal, basis, confidence);
    }

    /// <summary>For each slot, Σ attention[slot + d] × factor^d around the week (twice round, so every slot sees its full tail).</summary>
    private static double[] ValueOfSlots(double[] attention, double factor)
    {
        var values = new double[WeekSlots.PerWeek];
        var running = 0d;
        for (var i = (2 * WeekSlots.PerWeek) - 1; i >= 0; i--)
        {
            var slot = i % WeekSlots.PerWeek;
            running = attention[slot] + (factor * running);
            values[slot] = running;
        }

        return values;
    }
}
