using System.Text.Json.Serialization;
using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Journeys.Policies;

/// <summary>Settings of the send-time policies; bound from configuration by the host.</summary>
public sealed record SendPolicyOptions
{
    /// <summary>The defaults: no email quiet hours, SMS quiet 21:00–08:00, at most 2 marketing emails and 1 marketing SMS per 24 h.</summary>
    public static SendPolicyOptions Default { get; } = new();

    /// <summary>Quiet hours for email in the contact's time zone; null for none.</summary>
    // Null means "off" here, not "unset": written out, so a policy read back never regains its default.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public QuietHours? EmailQuietHours { get; init; }

    /// <summary>Quiet hours for SMS in the contact's time zone; null for none.</summary>
    // Null means "off" here, not "unset": written out, so a policy read back never regains its default.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public QuietHours? SmsQuietHours { get; init; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    /// <summary>Cap on marketing emails across journeys; null for none.</summary>
    // Null means "off" here, not "unset": written out, so a policy read back never regains its default.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public FrequencyCap? EmailCap { get; init; } = new(2, TimeSpan.FromHours(24));

    /// <summary>Cap on marketing SMS across journeys; null for none.</summary>
    // Null means "off" here, not "unset": written out, so a policy read back never regains its default.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public FrequencyCap? SmsCap { get; init; } = new(1, TimeSpan.FromHours(24));

    /// <summary>Whether marketing email needs explicit consent (otherwise only a denial blocks it).</summary>
    public bool EmailRequiresGrantedConsent { get; init; } = true;

    /// <summary>Whether marketing SMS needs explicit consent (otherwise only a denial blocks it).</summary>
    public bool SmsRequiresGrantedConsent { get; init; } = true;

    /// <summary>Extra wait added to a capped send of normal priority, so a capped high-priority send takes the freed slot first.</summary>
    public TimeSpan NormalPriorityStagger { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Extra wait added to a capped send of low priority.</summary>
    public TimeSpan LowPriorityStagger { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Quiet hours of a channel.</summary>
    /// <param name="channel">The channel.</param>
    public QuietHours? QuietHoursFor(MessageChannel channel) => channel == MessageChannel.Email ? EmailQuietHours : SmsQuietHours;

    /// <summary>Frequency cap of a channel.</summary>
    /// <param name="channel">The channel.</param>
    public FrequencyCap? CapFor(MessageChannel channel) => channel == MessageChannel.Email ? EmailCap : SmsCap;

    /// <summary>Whether marketing on a channel needs explicit consent.</summary>
    /// <param name="channel">The channel.</param>
    public bool RequiresGrantedConsent(MessageChannel channel) =>
        channel == MessageChannel.Email ? EmailRequiresGrantedConsent : SmsRequiresGrantedConsent;
}
