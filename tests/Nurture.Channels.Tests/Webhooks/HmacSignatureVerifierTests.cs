using System.Text;
using System.Text.Json.Nodes;
using Nurture.Channels.Ingestion.WooCommerce;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Channels.Webhooks;

namespace Nurture.Channels.Tests.Webhooks;

public sealed class HmacSignatureVerifierTests
{
    private const string Secret = "hush-7f3a9c";

    public static TheoryData<string> Bodies => new()
    {
        "{}",
        "{\"id\":820982911946154508,\"email\":\"bob@example.com\",\"total_price\":\"398.00\"}",
        "{\"note\":\"Grüße – 你好 – 😊 \\u0000 \\\" ' or true or '\"}",
        "   {\"spaced\" : true}\n",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Shopify_AcceptsSignaturesMadeByNodeCrypto_AndRejectsATamperedBody(string body)
    {
        var signature = OracleHmac(Secret, body);
        var verifier = new ShopifySignatureVerifier(Secret);

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(Encoding.UTF8.GetBytes(body), signature));
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Encoding.UTF8.GetBytes(body + " "), signature));
        Assert.Equal(SignatureStatus.Mismatch, new ShopifySignatureVerifier(Secret + "x").Verify(Encoding.UTF8.GetBytes(body), signature));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void WooCommerce_AcceptsSignaturesMadeByNodeCrypto_AndRejectsATamperedBody(string body)
    {
        var signature = OracleHmac(Secret, body);
        var verifier = new WooCommerceSignatureVerifier(Secret);

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(Encoding.UTF8.GetBytes(body), signature));
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Encoding.UTF8.GetBytes(body.Replace('{', '[')), signature));
    }

    [Theory]
    [InlineData(null, SignatureStatus.MissingSignature)]
    [InlineData("", SignatureStatus.MissingSignature)]
    [InlineData("   ", SignatureStatus.MissingSignature)]
    [InlineData("not base64!!", SignatureStatus.BadEncoding)]
    [InlineData("AAAA", SignatureStatus.BadEncoding)]
    [InlineData("' or true or '", SignatureStatus.BadEncoding)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", SignatureStatus.Mismatch)]
    public void Shopify_ExplainsWhyAHeaderIsRejected(string? header, SignatureStatus expected)
    {
        var verifier = new ShopifySignatureVerifier(Secret);

        Assert.Equal(expected, verifier.Verify("{}"u8, header));
    }

    [Fact]
    public void BigCommerce_AcceptsOnlyTheExactSecret()
    {
        var verifier = new BigCommerceSecretVerifier(Secret);

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(Secret));
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Secret.ToUpperInvariant()));
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Secret + " "));
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(new string('a', 4096)));
        Assert.Equal(SignatureStatus.MissingSignature, verifier.Verify(null));
    }

    [Theory]
    [InlineData(null, "webhook_id=12", true)]
    [InlineData("", "webhook_id=12", true)]
    [InlineData("order.created", "webhook_id=12", false)]
    [InlineData(null, "webhook_id=12&x=1", false)]
    [InlineData(null, "webhook_id=abc", false)]
    [InlineData(null, "{\"webhook_id\":12}", false)]
    public void WooCommercePing_IsRecognisedOnlyInItsExactShape(string? topic, string body, bool expected)
    {
        Assert.Equal(expected, WooCommercePing.IsPing(topic, Encoding.UTF8.GetBytes(body)));
    }

    private static string OracleHmac(string secret, string body)
    {
        var answer = NodeOracle.Run(new JsonObject { ["hmac"] = new JsonArray(new JsonObject { ["secret"] = secret, ["body"] = body }) });
        return answer.GetProperty("hmac")[0].GetString()!;
    }
}
