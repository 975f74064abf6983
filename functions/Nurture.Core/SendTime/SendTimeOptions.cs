namespace Nurture.Core.SendTime;

/// <summary>Settings of the send-time estimate and choice (bound from the <c>SendTime</c> configuration section).</summary>
/// <remarks>The defaults were tuned on the evaluation harness's tuning seeds (see the SendTime README).</remarks>
public sealed record SendTimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SendTime";

    /// <summary>The defaults.</summary>
    public static SendTimeOptions Default { get; } = new();

    /// <summary>
    /// How many engagements the prior (the shop's routines, weighted by how well each fits the contact) counts as
    /// when shrinking a contact's own smoothed evidence: with n engagements it has weight n / (n + this).
    /// </summary>
    public double PriorStrength { get; init; } = 40;

    /// <summary>How many engagements the default curve counts as when shrinking the shop pattern.</summary>
    public double ShopPriorStrength { get; init; } = 200;

    /// <summary>Standard deviation of the time-of-day smoothing applied to a contact's evidence, in minutes.</summary>
    public double SmoothingMinutes { get; init; } = 45;

    /// <summary>Share of a contact's evidence kept on its own day of the week (the rest is pooled).</summary>
    public double SameDayShare { get; init; } = 0.2;

    /// <summary>Share pooled over days of the same kind (Monday to Friday, or the weekend); the remainder goes to all days.</summary>
    public double DayKindShare { get; init; } = 0.6;

    /// <summary>
    /// How quickly a delivered message stops being seen, in minutes: the value of a slot is the attention in
    /// the hours after it, weighted by exp(−t / this).
    /// </summary>
    public double ReadMinutes { get; init; } = 180;

    /// <summary>How long a delivered message keeps causing engagement, in minutes (the exposure kernel's time constant).</summary>
    public double ExposureMinutes { get; init; } = 180;

    /// <summary>
    /// Engagement this soon after a delivery is left out when telling a contact's routine: privacy proxies fetch
    /// messages on delivery, and SendGrid does not flag every such machine open.
    /// </summary>
    public double MachineOpenMinutes { get; init; } = 30;

    /// <summary>Exposure hours of the shop's response rate a contact's own rate is shrunk toward.</summary>
    public double ResponsePriorHours { get; init; } = 24;

    /// <summary>Observed hours of the shop's organic rate a contact's own rate is shrunk toward.</summary>
    public double OrganicPriorHours { get; init; } = 720;

    /// <summary>Responses per exposure hour assumed before a shop pattern exists.</summary>
    public double DefaultResponseRate { get; init; } = 0.05;

    /// <summary>Organic engagement weight per observed hour assumed before a shop pattern exists.</summary>
    public double DefaultOrganicRate { get; init; } = 0.005;

    /// <summary>Share of choices that explore: a slot drawn among those worth at least <see cref="ExplorationFloor"/> of the best.</summary>
    public double ExplorationShare { get; init; } = 0.05;

    /// <summary>The least value, relative to the best slot, a slot must have to be explored.</summary>
    public double ExplorationFloor { get; init; } = 0.8;

    /// <summary>A choice is personal when the contact has at least this much effective evidence (enough to tell their routine).</summary>
    public double PersonalEvidence { get; init; } = 3;

    /// <summary>Evidence weight a shop pattern needs before it replaces the default curve as the basis.</summary>
    public double MinShopEvidence { get; init; } = 50;

    /// <summary>Effective evidence a contact without a time zone needs before their zone is inferred from it.</summary>
    public double ZoneInferenceEvidence { get; init; } = 6;

    /// <summary>How much more likely (natural log) an inferred zone must make the evidence than the shop's zone.</summary>
    public double ZoneInferenceMargin { get; init; } = 2;

    /// <summary>Standard deviation of the time-of-day smoothing of the shop pattern, in minutes (it has far more evidence than one contact).</summary>
    public double ShopSmoothingMinutes { get; init; } = 20;

    /// <summary>Share of the shop pattern kept on its own day of the week; the rest is pooled over days of the same kind.</summary>
    public double ShopSameDayShare { get; init; } = 0.6;

    /// <summary>
    /// How many independent observations one contact's evidence counts as at most, when telling which routine
    /// cluster (and zone) they follow and when contributing to the shop pattern: events come in bursts (a session is
    /// several page views), and heavy users must not define the shop.
    /// </summary>
    public double EvidenceCap { get; init; } = 5;

    /// <summary>How many kinds of routine the shop pattern learns (0 for none: the shop's average shape is the only prior).</summary>
    public int ClusterCount { get; init; } = 6;

    /// <summary>How many engagements of the default curve each routine cluster is shrunk toward.</summary>
    public double ClusterPriorStrength { get; init; } = 20;

    /// <summary>Rounds of expectation-maximisation per build of the routine clusters.</summary>
    public int ClusterIterations { get; init; } = 15;

    /// <summary>Most contacts whose evidence the cluster learning keeps (the first this many with evidence).</summary>
    public int ClusterSampleLimit { get; init; } = 50_000;

    /// <summary>The settings that are out of range, each naming the setting; empty when all are valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (!(PriorStrength > 0))
        {
            yield return $"{SectionName}:{nameof(PriorStrength)} must be positive.";
        }

        if (!(ShopPriorStrength > 0))
        {
            yield return $"{SectionName}:{nameof(ShopPriorStrength)} must be positive.";
        }

        if (!(SmoothingMinutes >= 0 && SmoothingMinutes <= 360))
        {
            yield return $"{SectionName}:{nameof(SmoothingMinutes)} must be 0 to 360.";
        }

        if (!(ShopSmoothingMinutes >= 0 && ShopSmoothingMinutes <= 360) || !(ShopSameDayShare >= 0 && ShopSameDayShare <= 1))
        {
            yield return $"{SectionName}:{nameof(ShopSmoothingMinutes)} must be 0 to 360 and {nameof(ShopSameDayShare)} 0 to 1.";
        }

        if (!(SameDayShare >= 0 && DayKindShare >= 0 && SameDayShare + DayKindShare <= 1))
        {
            yield return $"{SectionName}:{nameof(SameDayShare)} and {nameof(DayKindShare)} must be non-negative and sum to at most 1.";
        }

        if (!(ReadMinutes >= 15 && ReadMinutes <= 1440) || !(ExposureMinutes >= 15 && ExposureMinutes <= 1440))
        {
            yield return $"{SectionName}:{nameof(ReadMinutes)} and {nameof(ExposureMinutes)} must be 15 to 1440.";
        }

        if (!(MachineOpenMinutes >= 0 && MachineOpenMinutes <= 240))
        {
            yield return $"{SectionName}:{nameof(MachineOpenMinutes)} must be 0 to 240.";
        }

        if (!(ResponsePriorHours > 0 && OrganicPriorHours > 0 && DefaultResponseRate > 0 && DefaultOrganicRate > 0))
        {
            yield return $"{SectionName}: the response and organic priors and default rates must be positive.";
        }

        if (!(ExplorationShare >= 0 && ExplorationShare <= 0.5) || !(ExplorationFloor > 0 && ExplorationFloor <= 1))
        {
            yield return $"{SectionName}:{nameof(ExplorationShare)} must be 0 to 0.5 and {nameof(ExplorationFloor)} above 0 to 1.";
        }

        if (!(PersonalEvidence >= 0) || !(MinShopEvidence >= 0) || !(EvidenceCap > 0))
        {
            yield return $"{SectionName}:{nameof(PersonalEvidence)} and {nameof(MinShopEvidence)} must be non-negative, {nameof(EvidenceCap)} positive.";
        }

        if (ClusterCount is < 0 or > 16 || !(ClusterPriorStrength > 0) || ClusterIterations is < 1 or > 100 || ClusterSampleLimit < 1)
        {
            yield return $"{SectionName}:{nameof(ClusterCount)} must be 0 to 16, {nameof(ClusterPriorStrength)} positive, {nameof(ClusterIterations)} 1 to 100, {nameof(ClusterSampleLimit)} positive.";
        }

        if (!(ZoneInferenceEvidence >= 0) || !(ZoneInferenceMargin >= 0))
        {
            yield return $"{SectionName}:{nameof(ZoneInferenceEvidence)} and {nameof(ZoneInferenceMargin)} must be non-negative.";
        }
    }
}
