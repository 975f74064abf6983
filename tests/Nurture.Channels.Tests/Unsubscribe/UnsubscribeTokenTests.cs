using Microsoft.Extensions.Options;
using Nurture.Channels.Unsubscribe;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Tests.Unsubscribe;

public sealed class UnsubscribeTokenTests
{
    private const string Secret = "a-secret-of-more-than-thirty-two-bytes-0123";
    private static readonly DateTimeOffset Issued = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_ATokenItIssued_GivesBackContactChannelShopAndIssueTime()
    {
        var tokens = Tokens();
        var token = tokens.Issue("contact-7", MessageChannel.Sms, "shop-1", Issued.AddMilliseconds(400));

        var verified = tokens.Verify(token, Issued.AddDays(1));

        Assert.Equal(UnsubscribeTokenStatus.Valid, verified.Status);
        Assert.Equal(new UnsubscribeToken("contact-7", MessageChannel.Sms, "shop-1", Issued), verified.Token);
        Assert.DoesNotContain(token, c => c is '+' or '/' or '=' or '%' or '&');
    }

    [Fact]
    public void Verify_WithoutAShop_RoundTripsAnEmptyShop()
    {
        var tokens = Tokens();

        var verified = tokens.Verify(tokens.Issue("ü-contact", MessageChannel.Email, null, Issued), Issued);

        Assert.Equal(("ü-contact", string.Empty), (verified.Token!.ContactId, verified.Token.ShopId));
    }

    [Fact]
    public void Verify_AfterTheValidity_IsExpiredButStillSaysWhose()
    {
        var tokens = Tokens(TimeSpan.FromDays(730));
        var token = tokens.Issue("contact-7", MessageChannel.Email, "shop-1", Issued);

        Assert.Equal(UnsubscribeTokenStatus.Valid, tokens.Verify(token, Issued.AddDays(730)).Status);
        var expired = tokens.Verify(token, Issued.AddDays(730).AddSeconds(1));
        Assert.Equal(UnsubscribeTokenStatus.Expired, expired.Status);
        Assert.Equal("contact-7", expired.Token!.ContactId);
    }

    [Fact]
    public void Verify_ATamperedToken_HasABadSignature()
    {
        var tokens = Tokens();
        var token = tokens.Issue("contact-7", MessageChannel.Email, "shop-1", Issued);
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);
        bytes[12] ^= 0x01; // a byte of the contact id
        var tampered = System.Buffers.Text.Base64Url.EncodeToString(bytes);

        var verified = tokens.Verify(tampered, Issued);

        Assert.Equal(UnsubscribeTokenStatus.BadSignature, verified.Status);
        Assert.Null(verified.Token);
    }

    [Fact]
    public void Verify_ATokenSignedWithAnotherSecret_HasABadSignature_UnlessThatSecretIsAPreviousOne()
    {
        var old = Tokens(secret: "the-previous-secret-also-long-enough-012345");
        var token = old.Issue("contact-7", MessageChannel.Email, "shop-1", Issued);

        Assert.Equal(UnsubscribeTokenStatus.BadSignature, Tokens().Verify(token, Issued).Status);
        Assert.Equal(UnsubscribeTokenStatus.Valid, Tokens(previous: "the-previous-secret-also-long-enough-012345").Verify(token, Issued).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("AAAA")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Verify_SomethingThatIsNotAToken_IsMalformed(string? token)
    {
        Assert.Equal(UnsubscribeTokenStatus.Malformed, Tokens().Verify(token, Issued).Status);
    }

    [Fact]
    public void Constructor_WithoutASecret_SaysWhichSettingIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new UnsubscribeTokens(Options.Create(new UnsubscribeOptions())));

        Assert.Contains("Channels:Unsubscribe:Secret", error.Message, StringComparison.Ordinal);
    }

    private static UnsubscribeTokens Tokens(TimeSpan? validity = null, string secret = Secret, string? previous = null) =>
        new(Options.Create(new UnsubscribeOptions
        {
            Secret = secret,
            Validity = validity ?? TimeSpan.FromDays(730),
            PreviousSecrets = previous is null ? [] : [previous],
        }));
}
