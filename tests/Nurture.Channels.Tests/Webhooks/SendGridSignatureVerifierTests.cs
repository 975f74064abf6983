using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Channels.Webhooks;

namespace Nurture.Channels.Tests.Webhooks;

public sealed class SendGridSignatureVerifierTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_741_608_000);

    [Fact]
    public void Verify_AcceptsAFixtureSignedWithNodeAndCheckedByTheSendGridLibrary()
    {
        var body = Encoding.UTF8.GetString(Fixture.Bytes("SendGrid/events.json"));
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = NodeOracle.Run(new JsonObject
        {
            ["sendgridSign"] = new JsonArray(new JsonObject { ["payload"] = body, ["timestamp"] = timestamp }),
        }).GetProperty("sendgridSign")[0];
        Assert.True(signed.GetProperty("libraryVerified").GetBoolean(), "the official library must accept the oracle's signature");
        var verifier = new SendGridSignatureVerifier(signed.GetProperty("publicKey").GetString()!);
        var signature = signed.GetProperty("signature").GetString();

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(Encoding.UTF8.GetBytes(body), signature, timestamp, Now.AddMinutes(2)));
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Encoding.UTF8.GetBytes(body.Replace("open", "opEn", StringComparison.Ordinal)), signature, timestamp, Now));
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Encoding.UTF8.GetBytes(body), signature, (Now.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture), Now));
    }

    [Fact]
    public void Verify_AgreesWithTheSendGridLibraryOnSignaturesNodeDidNotMake()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        const string Payload = "[{\"event\":\"click\",\"sg_event_id\":\"x\"}]";
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(timestamp + Payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var verifier = new SendGridSignatureVerifier(publicKey);

        var library = NodeOracle.Run(new JsonObject
        {
            ["sendgridVerify"] = new JsonArray(
                new JsonObject { ["publicKey"] = publicKey, ["payload"] = Payload, ["signature"] = signature, ["timestamp"] = timestamp },
                new JsonObject { ["publicKey"] = publicKey, ["payload"] = Payload + " ", ["signature"] = signature, ["timestamp"] = timestamp }),
        }).GetProperty("sendgridVerify");

        Assert.True(library[0].GetBoolean());
        Assert.Equal(SignatureStatus.Valid, verifier.Verify(Encoding.UTF8.GetBytes(Payload), signature, timestamp, Now));
        Assert.False(library[1].GetBoolean());
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Encoding.UTF8.GetBytes(Payload + " "), signature, timestamp, Now));
    }

    [Theory]
    [InlineData(-11, SignatureStatus.StaleTimestamp)]
    [InlineData(11, SignatureStatus.StaleTimestamp)]
    [InlineData(-9, SignatureStatus.Valid)]
    [InlineData(9, SignatureStatus.Valid)]
    public void Verify_RejectsTimestampsOutsideTheToleranceEitherWay(int minutesFromNow, SignatureStatus expected)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = Now.AddMinutes(minutesFromNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(timestamp + "[]"), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var verifier = new SendGridSignatureVerifier(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), TimeSpan.FromMinutes(10));

        Assert.Equal(expected, verifier.Verify("[]"u8, signature, timestamp, Now));
    }

    [Theory]
    [InlineData(null, "1741608000", SignatureStatus.MissingSignature)]
    [InlineData("MEUCIQ==", null, SignatureStatus.MissingTimestamp)]
    [InlineData("MEUCIQ==", "yesterday", SignatureStatus.MissingTimestamp)]
    [InlineData("MEUCIQ==", "-5", SignatureStatus.MissingTimestamp)]
    [InlineData("MEUCIQ==", "99999999999999999999", SignatureStatus.MissingTimestamp)]
    [InlineData("not base64", "1741608000", SignatureStatus.BadEncoding)]
    [InlineData("AAAA", "1741608000", SignatureStatus.Mismatch)]
    [InlineData("MAYCAQECAQE=", "1741608000", SignatureStatus.Mismatch)]
    public void Verify_ExplainsWhyHeadersAreRejected(string? signature, string? timestamp, SignatureStatus expected)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var verifier = new SendGridSignatureVerifier(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));

        var status = verifier.Verify("[]"u8, signature, timestamp, Now);

        Assert.Equal(expected, status);
    }

    [Fact]
    public void Constructor_RejectsAKeyThatIsNotSubjectPublicKeyInfo()
    {
        var error = Assert.Throws<ArgumentException>(() => new SendGridSignatureVerifier("bm90IGEga2V5"));

        Assert.Contains("SubjectPublicKeyInfo", error.Message, StringComparison.Ordinal);
    }
}
