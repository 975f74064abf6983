using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>Counts one funnel while the report is computed; distinct contacts are held only until <see cref="ToMetrics"/>.</summary>
internal sealed class FunnelTally
{
    private readonly HashSet<string> _recipients = new(StringComparer.Ordinal);
    private readonly HashSet<string> _converted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acquired = new(StringComparer.Ordinal);
    private int _sent;
    private int _emails;
    private int _sms;
    private int _delivered;
    private int _humanOpened;
    private int _machineOpened;
    private int _clicked;
    private int _unsubscribed;
    private int _bounced;
    private int _spam;
    private int _conversions;

    public int Entered { get; set; }

    public decimal Revenue { get; private set; }

    public int EmailsSent => _emails;

    public int SmsSent => _sms;

    public int NewCustomers => _acquired.Count;

    public void Add(MessageOutcome message)
    {
        var contact = message.Send.ContactId;
        _recipients.Add(contact);
        _sent++;
        _emails += message.Send.Channel == MessageChannel.Email ? 1 : 0;
        _sms += message.Send.Channel == MessageChannel.Sms ? 1 : 0;
        _delivered += message.Delivered ? 1 : 0;
        _humanOpened += message.HumanOpened ? 1 : 0;
        _machineOpened += message.MachineOpened ? 1 : 0;
        _clicked += message.Clicked ? 1 : 0;
        _unsubscribed += message.Unsubscribed ? 1 : 0;
        _bounced += message.Bounced ? 1 : 0;
        _spam += message.SpamReported ? 1 : 0;
        _conversions += message.Conversions;
        Revenue += message.Revenue;
        if (message.Converted)
        {
            _converted.Add(contact);
        }

        if (message.AcquiredCustomer)
        {
            _acquired.Add(contact);
        }
    }

    public FunnelMetrics ToMetrics(bool withEntered) => new(
        withEntered ? Entered : null,
        _recipients.Count,
        _sent,
        _emails,
        _sms,
        _delivered,
        _humanOpened,
        _machineOpened,
        _clicked,
        _unsubscribed,
        _bounced,
        _spam,
        _conversions,
        _converted.Count,
        _acquired.Count,
        Revenue);
}
