namespace Nurture.Core.Metrics.Campaigns;

/// <summary>
/// A funnel for one journey, version, step or variant. Message counts are unique per message (three opens of
/// one email count once); recipients and converted recipients are distinct contacts (counted, never listed).
/// </summary>
/// <param name="Entered">Instances that entered (journey, version and variant rows; null on step rows).</param>
/// <param name="Recipients">Distinct contacts sent to.</param>
/// <param name="Sent">Messages sent.</param>
/// <param name="EmailsSent">Of which emails.</param>
/// <param name="SmsSent">Of which SMS.</param>
/// <param name="Delivered">Messages delivered.</param>
/// <param name="HumanOpened">Messages opened by a person.</param>
/// <param name="MachineOpened">Messages opened by a privacy proxy (not a person).</param>
/// <param name="Clicked">Messages with a click.</param>
/// <param name="Unsubscribed">Messages the recipient unsubscribed from.</param>
/// <param name="Bounced">Messages that bounced or failed.</param>
/// <param name="SpamReported">Messages reported as spam.</param>
/// <param name="Conversions">Orders attributed (last touch, within the window).</param>
/// <param name="ConvertedRecipients">Distinct contacts with an attributed order.</param>
/// <param name="NewCustomers">Distinct contacts whose first purchase ever was attributed here.</param>
/// <param name="Revenue">Net revenue (after refunds) of the attributed orders.</param>
public sealed record FunnelMetrics(
    int? Entered,
    int Recipients,
    int Sent,
    int EmailsSent,
    int SmsSent,
    int Delivered,
    int HumanOpened,
    int MachineOpened,
    int Clicked,
    int Unsubscribed,
    int Bounced,
    int SpamReported,
    int Conversions,
    int ConvertedRecipients,
    int NewCustomers,
    decimal Revenue)
{
    /// <summary>Delivered over sent.</summary>
    public double? DeliveryRate => Rate(Delivered, Sent);

    /// <summary>Human opens over delivered.</summary>
    public double? OpenRate => Rate(HumanOpened, Delivered);

    /// <summary>Machine opens over delivered.</summary>
    public double? MachineOpenRate => Rate(MachineOpened, Delivered);

    /// <summary>Click-through rate: clicked over delivered.</summary>
    public double? ClickThroughRate => Rate(Clicked, Delivered);

    /// <summary>Clicked over human opens.</summary>
    public double? ClickToOpenRate => Rate(Clicked, HumanOpened);

    /// <summary>Unsubscribed over delivered.</summary>
    public double? UnsubscribeRate => Rate(Unsubscribed, Delivered);

    /// <summary>Bounced over sent.</summary>
    public double? BounceRate => Rate(Bounced, Sent);

    /// <summary>Conversion rate: converted recipients over recipients.</summary>
    public double? ConversionRate => Rate(ConvertedRecipients, Recipients);

    /// <summary>Revenue per recipient, to the cent.</summary>
    public decimal? RevenuePerRecipient => Recipients == 0 ? null : decimal.Round(Revenue / Recipients, 2, MidpointRounding.ToEven);

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
