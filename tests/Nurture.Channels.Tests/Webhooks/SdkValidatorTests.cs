using Nurture.Channels.Webhooks;

namespace Nurture.Channels.Tests.Webhooks;

/// <summary>What the switch to the SDKs' validators keeps or adds around them.</summary>
public sealed class SdkValidatorTests
{
    private static readonly KeyValuePair<string, string>[] Form = [new("MessageSid", "SM1"), new("MessageStatus", "delivered")];

    [Fact]
    public void Twilio_AConfiguredUrlWithAnExplicitDefaultPort_StillMatchesASignatureMadeWithoutIt()
    {
        var verifier = new TwilioSignatureVerifier("tok");
        var signature = verifier.Sign("https://nurture.example.com/api/webhooks/twilio/status?nurture_message_id=s-1", Form);

        var status = verifier.Verify("https://nurture.example.com:443/api/webhooks/twilio/status?nurture_message_id=s-1", Form, signature);

        Assert.Equal(SignatureStatus.Valid, status);
    }

    [Fact]
    public void Twilio_TheMessageIdInTheCallbackUrlIsCoveredByTheSignature()
    {
        var verifier = new TwilioSignatureVerifier("tok");
        var signature = verifier.Sign("https://nurture.example.com/api/webhooks/twilio/status?nurture_message_id=s-1", Form);

        var status = verifier.Verify("https://nurture.example.com/api/webhooks/twilio/status?nurture_message_id=s-2", Form, signature);

        Assert.Equal(SignatureStatus.Mismatch, status);
    }

    [Fact]
    public void Twilio_AFormThatRepeatsAName_CannotBeCheckedAndIsAMismatch()
    {
        var verifier = new TwilioSignatureVerifier("tok");
        KeyValuePair<string, string>[] repeated = [.. Form, new("MessageStatus", "failed")];

        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify("https://nurture.example.com/x", repeated, verifier.Sign("https://nurture.example.com/x", repeated)));
    }

    [Theory]
    [InlineData("https://h.example:443/p?q=1", "https://h.example/p?q=1")]
    [InlineData("http://h.example:80", "http://h.example")]
    [InlineData("https://h.example:8443/p", "https://h.example:8443/p")]
    [InlineData("https://h.example/p:443", "https://h.example/p:443")]
    public void Twilio_WithoutDefaultPort_RemovesOnlyAnExplicitDefaultPort(string url, string expected)
    {
        Assert.Equal(expected, TwilioSignatureVerifier.WithoutDefaultPort(url));
    }

    [Fact]
    public void SendGrid_ABodyThatIsNotUtf8_IsAMismatch()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var verifier = new SendGridSignatureVerifier(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
        byte[] body = [0x5B, 0xFF, 0x5D];
        var signature = Convert.ToBase64String(key.SignData([.. "1741608000"u8, .. body], System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));

        var status = verifier.Verify(body, signature, "1741608000", DateTimeOffset.FromUnixTimeSeconds(1_741_608_000));

        Assert.Equal(SignatureStatus.Mismatch, status);
    }
}
