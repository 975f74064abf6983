using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Policies;

public sealed class SendPolicyTests
{
    private static SendPolicyDecision Evaluate(
        MessageChannel channel,
        JourneyContact? contact = null,
        DateTimeOffset? now = null,
        SendPolicyOptions? options = null,
        bool marketing = true,
        params SentMessage[] recent) =>
        SendPolicy.Evaluate(
            new SendRequest(channel, marketing, SendPriority.Normal, contact ?? Contact(), TimeZoneInfo.Utc, now ?? T0, recent),
            options ?? SendPolicyOptions.Default);

    [Fact]
    public void Evaluate_AllClear_Sends()
    {
        Assert.Equal(SendVerdict.Send, Evaluate(MessageChannel.Email).Verdict);
    }

    [Fact]
    public void Evaluate_SuppressionBeatsEverythingEvenForTransactional()
    {
        var suppressed = Contact() with { Suppressed = new HashSet<MessageChannel> { MessageChannel.Email } };

        Assert.Equal(SendPolicyDecision.Skip("email is suppressed for this contact"), Evaluate(MessageChannel.Email, suppressed, marketing: false));
    }

    [Fact]
    public void Evaluate_UnknownConsent_SendsWhenExplicitConsentIsNotRequired()
    {
        var unknown = Contact() with { Consent = null };
        var lenient = SendPolicyOptions.Default with { EmailRequiresGrantedConsent = false };

        Assert.Equal(SendVerdict.Send, Evaluate(MessageChannel.Email, unknown, options: lenient).Verdict);
        Assert.Equal(SendVerdict.Skip, Evaluate(MessageChannel.Sms, unknown, options: lenient).Verdict);
    }

    [Fact]
    public void Evaluate_DeniedConsent_SkipsEvenWhenExplicitConsentIsNotRequired()
    {
        var denied = Contact() with { Consent = new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Denied } };

        Assert.Equal(
            SendPolicyDecision.Skip("email marketing consent denied"),
            Evaluate(MessageChannel.Email, denied, options: SendPolicyOptions.Default with { EmailRequiresGrantedConsent = false }));
    }

    [Fact]
    public void Evaluate_ConfiguredEmailQuietHours_DeferToTheirEnd()
    {
        var options = SendPolicyOptions.Default with { EmailQuietHours = new QuietHours(new TimeOnly(11, 0), new TimeOnly(13, 30)) };

        var decision = Evaluate(MessageChannel.Email, options: options);

        Assert.Equal(SendVerdict.Defer, decision.Verdict);
        Assert.Equal(T0.AddMinutes(90), decision.Until);
        Assert.Equal("email quiet hours 11:00-13:30 in UTC", decision.Reason);
    }

    [Fact]
    public void Evaluate_SmsCapOfOnePerDay_DefersUntilTheLastSendLeavesTheWindow()
    {
        var decision = Evaluate(MessageChannel.Sms, recent: new SentMessage(MessageChannel.Sms, T0.AddHours(-3)));

        Assert.Equal(SendVerdict.Defer, decision.Verdict);
        Assert.Equal(T0.AddHours(21).AddMinutes(5), decision.Until);
    }

    [Fact]
    public void Evaluate_NoCapConfigured_Sends()
    {
        var options = SendPolicyOptions.Default with { SmsCap = null };

        Assert.Equal(SendVerdict.Send, Evaluate(MessageChannel.Sms, options: options, recent: new SentMessage(MessageChannel.Sms, T0.AddHours(-3))).Verdict);
    }

    [Theory]
    [InlineData("21:00", "08:00", "20:59", false)]
    [InlineData("21:00", "08:00", "21:00", true)]
    [InlineData("21:00", "08:00", "03:00", true)]
    [InlineData("21:00", "08:00", "07:59", true)]
    [InlineData("21:00", "08:00", "08:00", false)]
    [InlineData("12:00", "14:00", "13:00", true)]
    [InlineData("12:00", "14:00", "14:00", false)]
    public void QuietHours_Contains_HandlesWindowsAcrossMidnight(string start, string end, string local, bool expected)
    {
        var quiet = new QuietHours(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, quiet.Contains(TimeOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void QuietHours_OnFallBackNight_EndAtLocalEightOClock()
    {
        var newYork = ContactTimeZones.Resolve("America/New_York", out _);
        var quiet = SendPolicyOptions.Default.SmsQuietHours!;
        var elevenPmSaturday = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero); // 23:00 EDT, 31 October

        // Clocks fall back at 02:00 EDT on 1 November: 08:00 EST is 13:00 UTC.
        Assert.True(quiet.Contains(elevenPmSaturday, newYork));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), quiet.EndAfter(elevenPmSaturday, newYork));
    }

    [Fact]
    public void ContactTimeZones_UnknownOrMissing_IsUtc()
    {
        Assert.Same(TimeZoneInfo.Utc, ContactTimeZones.Resolve("Nowhere/Special", out var unknownFellBack));
        Assert.True(unknownFellBack);
        Assert.Same(TimeZoneInfo.Utc, ContactTimeZones.Resolve(null, out var missingFellBack));
        Assert.False(missingFellBack);
        Assert.Equal("Europe/Berlin", ContactTimeZones.Resolve("Europe/Berlin", out _).Id);
    }
}
