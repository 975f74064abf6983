using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>How orders are attributed to sends; bound from <c>Metrics:Campaigns</c>.</summary>
/// <remarks>
/// Last touch: an order goes to the latest touch before it whose window still covers it. Email touches are
/// human opens and clicks; SMS touches are deliveries and clicks. Window ends are inclusive.
/// </remarks>
public sealed class CampaignSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics:Campaigns";

    /// <summary>An order up to this long after an email open or click is attributed to it. Default 5 days.</summary>
    public TimeSpan EmailAttributionWindow { get; set; } = TimeSpan.FromDays(5);

    /// <summary>An order up to this long after an SMS delivery or click is attributed to it. Default 1 day.</summary>
    public TimeSpan SmsAttributionWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether machine opens (privacy-proxy prefetches) count as touches. Default false: a machine is not a person.</summary>
    public bool MachineOpensAreTouches { get; set; }

    /// <summary>Feedback naming no message (an SMS STOP) belongs to the contact's latest send on the channel up to this long before it. Default 3 days.</summary>
    public TimeSpan ContactLevelFeedbackWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Share of revenue that is profit, for ROMI (1 = revenue-based ROMI). Default 1.</summary>
    public decimal GrossMargin { get; set; } = 1m;

    /// <summary>The attribution window of a channel.</summary>
    /// <param name="channel">Email or SMS.</param>
    public TimeSpan WindowFor(MessageChannel channel) => channel == MessageChannel.Sms ? SmsAttributionWindow : EmailAttributionWindow;

    /// <summary>Every problem with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (EmailAttributionWindow <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(EmailAttributionWindow)} must be positive.");
        }

        if (SmsAttributionWindow <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(SmsAttributionWindow)} must be positive.");
        }

        if (ContactLevelFeedbackWindow < TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(ContactLevelFeedbackWindow)} must not be negative.");
        }

        if (GrossMargin is <= 0 or > 1)
        {
            problems.Add($"{SectionName}:{nameof(GrossMargin)} must be above 0 and at most 1.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public void ThrowIfInvalid() => SettingsGuard.ThrowIfAny(Problems(), nameof(CampaignSettings));
}
