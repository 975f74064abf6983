using System.Globalization;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Journeys.Policies;

/// <summary>
/// Decides at send time whether a message goes now, later or not at all: suppression, address, consent,
/// quiet hours in the contact's time zone, frequency caps across journeys. Pure.
/// </summary>
/// <remarks>Caps and quiet hours defer, never drop: a deferred send is re-judged when its timer fires.</remarks>
public static class SendPolicy
{
    /// <summary>Judges a send.</summary>
    /// <param name="request">The send.</param>
    /// <param name="options">Policy settings.</param>
    public static SendPolicyDecision Evaluate(SendRequest request, SendPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var channel = request.Channel;
        var name = ChannelName(channel);
        if (request.Contact.IsSuppressed(channel))
        {
            return SendPolicyDecision.Skip($"{name} is suppressed for this contact");
        }

        if (!request.Contact.HasAddressFor(channel))
        {
            return SendPolicyDecision.Skip($"contact has no {name} address");
        }

        if (!request.Marketing)
        {
            return SendPolicyDecision.SendNow;
        }

        var consent = request.Contact.ConsentFor(channel);
        if (consent == ConsentStatus.Denied)
        {
            return SendPolicyDecision.Skip($"{name} marketing consent denied");
        }

        if (consent == ConsentStatus.Unknown && options.RequiresGrantedConsent(channel))
        {
            return SendPolicyDecision.Skip($"no {name} marketing consent");
        }

        if (options.QuietHoursFor(channel) is { } quiet && quiet.Contains(request.Now, request.Zone))
        {
            var edge = quiet.EndAfter(request.Now, request.Zone);
            return SendPolicyDecision.Defer(edge, $"{name} quiet hours {Format(quiet.Start)}-{Format(quiet.End)} in {request.Zone.Id}");
        }

        if (options.CapFor(channel) is { } cap && CappedUntil(request, cap) is { } freed)
        {
            var until = freed + Stagger(request.Priority, options);
            return SendPolicyDecision.Defer(
                until,
                $"{name} frequency cap {cap.Max} per {cap.Window.TotalHours.ToString(CultureInfo.InvariantCulture)} h reached ({request.Priority.ToString().ToLowerInvariant()} priority)");
        }

        return SendPolicyDecision.SendNow;
    }

    /// <summary>When a slot under the cap frees up, or null when one is free now.</summary>
    /// <param name="request">The send.</param>
    /// <param name="cap">The cap.</param>
    public static DateTimeOffset? CappedUntil(SendRequest request, FrequencyCap cap)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cap);
        var windowStart = request.Now - cap.Window;
        var inWindow = request.RecentSends
            .Where(s => s.Channel == request.Channel && s.Marketing && s.SentAt > windowStart && s.SentAt <= request.Now)
            .Select(s => s.SentAt)
            .Order()
            .ToList();
        if (inWindow.Count < cap.Max)
        {
            return null;
        }

        // The send that has to leave the window before one more fits under the cap.
        return inWindow[inWindow.Count - cap.Max] + cap.Window;
    }

    private static TimeSpan Stagger(SendPriority priority, SendPolicyOptions options) => priority switch
    {
        SendPriority.High => TimeSpan.Zero,
        SendPriority.Normal => options.NormalPriorityStagger,
        _ => options.LowPriorityStagger,
    };

    private static string ChannelName(MessageChannel channel) => channel == MessageChannel.Email ? "email" : "SMS";

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
