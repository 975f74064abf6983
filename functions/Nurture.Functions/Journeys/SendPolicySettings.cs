using System.Globalization;
using Nurture.Core.Journeys.Policies;

namespace Nurture.Functions.Journeys;

/// <summary>
/// The send policies as configuration writes them (section <c>Journeys:SendPolicy</c>), turned into
/// <see cref="SendPolicyOptions"/> once at start. Quiet hours are <c>HH:mm-HH:mm</c> in the contact's time zone
/// (<c>21:00-08:00</c> crosses midnight); caps are <c>count/window</c> with the window in minutes, hours or days
/// (<c>2/24h</c>, <c>5/7d</c>) or a <see cref="TimeSpan"/> (<c>2/1.00:00:00</c>); <c>off</c> turns either off.
/// </summary>
public sealed class SendPolicySettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Journeys:SendPolicy";

    /// <summary>The word that turns quiet hours or a cap off.</summary>
    public const string Off = "off";

    /// <summary>Quiet hours for email (default: none).</summary>
    public string EmailQuietHours { get; set; } = Off;

    /// <summary>Quiet hours for SMS (default 21:00–08:00).</summary>
    public string SmsQuietHours { get; set; } = "21:00-08:00";

    /// <summary>Cap on marketing emails across journeys (default 2 in any 24 h).</summary>
    public string EmailCap { get; set; } = "2/24h";

    /// <summary>Cap on marketing SMS across journeys (default 1 in any 24 h).</summary>
    public string SmsCap { get; set; } = "1/24h";

    /// <summary>Whether marketing email needs explicit consent (otherwise only a denial blocks it).</summary>
    public bool EmailRequiresGrantedConsent { get; set; } = SendPolicyOptions.Default.EmailRequiresGrantedConsent;

    /// <summary>Whether marketing SMS needs explicit consent (otherwise only a denial blocks it).</summary>
    public bool SmsRequiresGrantedConsent { get; set; } = SendPolicyOptions.Default.SmsRequiresGrantedConsent;

    /// <summary>Extra wait for a capped send of normal priority, so a capped high-priority send takes the slot first.</summary>
    public TimeSpan NormalPriorityStagger { get; set; } = SendPolicyOptions.Default.NormalPriorityStagger;

    /// <summary>Extra wait for a capped send of low priority.</summary>
    public TimeSpan LowPriorityStagger { get; set; } = SendPolicyOptions.Default.LowPriorityStagger;

    /// <summary>The policy options these settings describe.</summary>
    /// <exception cref="FormatException">A setting is malformed; the message names it and shows the expected form.</exception>
    public SendPolicyOptions ToPolicy()
    {
        if (NormalPriorityStagger < TimeSpan.Zero || LowPriorityStagger < TimeSpan.Zero)
        {
            throw new FormatException($"'{Section}:NormalPriorityStagger' and '{Section}:LowPriorityStagger' must not be negative.");
        }

        return new SendPolicyOptions
        {
            EmailQuietHours = ParseQuietHours(nameof(EmailQuietHours), EmailQuietHours),
            SmsQuietHours = ParseQuietHours(nameof(SmsQuietHours), SmsQuietHours),
            EmailCap = ParseCap(nameof(EmailCap), EmailCap),
            SmsCap = ParseCap(nameof(SmsCap), SmsCap),
            EmailRequiresGrantedConsent = EmailRequiresGrantedConsent,
            SmsRequiresGrantedConsent = SmsRequiresGrantedConsent,
            NormalPriorityStagger = NormalPriorityStagger,
            LowPriorityStagger = LowPriorityStagger,
        };
    }

    /// <summary>Reads <c>HH:mm-HH:mm</c> or <c>off</c>.</summary>
    /// <param name="setting">The setting's name, for the error.</param>
    /// <param name="value">The value.</param>
    public static QuietHours? ParseQuietHours(string setting, string? value)
    {
        if (IsOff(value))
        {
            return null;
        }

        var parts = value!.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && start != end)
        {
            return new QuietHours(start, end);
        }

        throw new FormatException($"'{Section}:{setting}' is '{value}'; write the local window as HH:mm-HH:mm with different ends (e.g. 21:00-08:00), or '{Off}'.");
    }

    /// <summary>Reads <c>count/window</c> or <c>off</c>.</summary>
    /// <param name="setting">The setting's name, for the error.</param>
    /// <param name="value">The value.</param>
    public static FrequencyCap? ParseCap(string setting, string? value)
    {
        if (IsOff(value))
        {
            return null;
        }

        var parts = value!.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && max > 0
            && TryParseWindow(parts[1], out var window)
            && window > TimeSpan.Zero)
        {
            return new FrequencyCap(max, window);
        }

        throw new FormatException($"'{Section}:{setting}' is '{value}'; write a positive count and a positive window as count/window (e.g. 2/24h, 5/7d, 1/90m), or '{Off}'.");
    }

    private static bool IsOff(string? value) =>
        string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), Off, StringComparison.OrdinalIgnoreCase);

    // The short form (24h), else a TimeSpan (1.00:00:00).
    private static bool TryParseWindow(string text, out TimeSpan window) =>
        WindowText.TryParse(text, out window) || TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out window);
}
