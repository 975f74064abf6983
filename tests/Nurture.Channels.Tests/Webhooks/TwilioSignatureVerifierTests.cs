using System.Text;
using System.Text.Json.Nodes;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Channels.Webhooks;

namespace Nurture.Channels.Tests.Webhooks;

public sealed class TwilioSignatureVerifierTests
{
    private static readonly KeyValuePair<string, string>[] PublishedParameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+12349013030"),
        new("Digits", "1234"),
        new("From", "+12349013030"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void Verify_AcceptsThePublishedVector()
    {
        var verifier = new TwilioSignatureVerifier("12345");

        var status = verifier.Verify("https://mycompany.com/myapp.php?foo=1&bar=2", PublishedParameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");

        Assert.Equal(SignatureStatus.Valid, status);
    }

    [Fact]
    public void Verify_RejectsThePublishedVectorAtAnotherUrlOrWithAChangedParameter()
    {
        var verifier = new TwilioSignatureVerifier("12345");
        var changed = PublishedParameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p).ToArray();

        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify("https://mycompany.com/myapp.php?foo=1&bar=3", PublishedParameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify("https://mycompany.com/myapp.php?foo=1&bar=2", changed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.Equal(SignatureStatus.MissingSignature, verifier.Verify("https://mycompany.com/myapp.php", PublishedParameters, null));
        Assert.Equal(SignatureStatus.BadEncoding, verifier.Verify("https://mycompany.com/myapp.php", PublishedParameters, "%%%"));
    }

    [Fact]
    public void Verify_AcceptsSignaturesMadeByTheTwilioLibrary_ForTheFixtureBodies()
    {
        const string Token = "0123456789abcdef0123456789abcdef";
        const string Url = "https://nurture.example.com/api/webhooks/twilio/inbound?shop=demo";
        var verifier = new TwilioSignatureVerifier(Token);
        var request = new JsonArray();
        var forms = new[] { "Twilio/inbound-stop.txt", "Twilio/inbound-message.txt", "Twilio/status-delivered.txt" }
            .Select(f => FormBody.Parse(Fixture.Bytes(f)))
            .ToList();
        foreach (var form in forms)
        {
            var parameters = new JsonObject();
            foreach (var (name, value) in form)
            {
                parameters[name] = value;
            }

            request.Add(new JsonObject { ["authToken"] = Token, ["url"] = Url, ["params"] = parameters });
        }

        var signatures = NodeOracle.Run(new JsonObject { ["twilioSign"] = request }).GetProperty("twilioSign");

        for (var i = 0; i < forms.Count; i++)
        {
            Assert.Equal(SignatureStatus.Valid, verifier.Verify(Url, forms[i], signatures[i].GetString()));
            Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Url.Replace("demo", "other", StringComparison.Ordinal), forms[i], signatures[i].GetString()));
        }
    }

    [Fact]
    public void Sign_ProducesWhatTheTwilioLibraryValidates_IncludingTheDefaultPortForm()
    {
        const string Token = "tok";
        var parameters = new[] { new KeyValuePair<string, string>("Body", "Grüße 😊 & ' or true or '"), new KeyValuePair<string, string>("From", "+16135550135") };
        var verifier = new TwilioSignatureVerifier(Token);
        var withPort = verifier.Sign("https://nurture.example.com:443/api/webhooks/twilio/status", parameters);
        var request = new JsonObject
        {
            ["twilioValidate"] = new JsonArray(new JsonObject
            {
                ["authToken"] = Token,
                ["signature"] = withPort,
                ["url"] = "https://nurture.example.com/api/webhooks/twilio/status",
                ["params"] = new JsonObject { ["Body"] = parameters[0].Value, ["From"] = parameters[1].Value },
            }),
        };

        Assert.True(NodeOracle.Run(request).GetProperty("twilioValidate")[0].GetBoolean());
        Assert.Equal(SignatureStatus.Valid, verifier.Verify("https://nurture.example.com/api/webhooks/twilio/status", parameters, withPort));
    }

    [Fact]
    public void FormBody_DecodesPlusAndPercentEscapes()
    {
        var form = FormBody.Parse(Encoding.UTF8.GetBytes("Body=Is+the+red%3F+%F0%9F%98%8A&From=%2B1613&Empty=&Flag"));

        Assert.Equal("Is the red? 😊", FormBody.Get(form, "Body"));
        Assert.Equal("+1613", FormBody.Get(form, "From"));
        Assert.Equal(string.Empty, FormBody.Get(form, "Empty"));
        Assert.Equal(string.Empty, FormBody.Get(form, "Flag"));
        Assert.Null(FormBody.Get(form, "Missing"));
    }
}
