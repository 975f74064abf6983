using Nurture.Core.Journeys.Model;
using Nurture.Functions.Tests.Delivery;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>
/// SendGrid and Twilio faked at HTTP on 127.0.0.1 in the test process (so they outlive every killed app process), as
/// the kill run's channel: calls counted per message id from what is on the wire (SendGrid's <c>custom_args</c>,
/// Twilio's status callback URL).
/// </summary>
internal sealed class ProviderCalls : IChannelCalls, IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "0123456789abcdef0123456789abcdef";
    public const string ServiceSid = "MG0123456789abcdef0123456789abcdef";

    private readonly Dictionary<string, string> _contactByAddress;

    private ProviderCalls(WireMockProvider sendGrid, WireMockProvider twilio, IEnumerable<string> contacts)
    {
        SendGridServer = sendGrid;
        TwilioServer = twilio;
        sendGrid.Answer = SendGrid.Answer;
        twilio.Answer = Twilio.Answer;
        _contactByAddress = contacts
            .SelectMany(c => new[] { (Address: c + "@example.com", Contact: c), (Address: TestProfiles.PhoneOf(c), Contact: c) })
            .ToDictionary(p => p.Address, p => p.Contact, StringComparer.OrdinalIgnoreCase);
    }

    public string Name => "SendGrid and Twilio fakes";

    public SendGridMailFake SendGrid { get; } = new();

    public TwilioMessagesFake Twilio { get; } = new(AccountSid);

    public WireMockProvider SendGridServer { get; }

    public WireMockProvider TwilioServer { get; }

    /// <summary>The app's settings that send email through the SendGrid fake and SMS through the Twilio fake.</summary>
    public Dictionary<string, string> Environment
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["Channels__Email"] = "SendGrid",
                ["Channels__Sms"] = "Twilio",
                ["Channels__PublicBaseUrl"] = "https://nurture.example.com",
                ["Channels__Unsubscribe__Secret"] = "kill-test-unsubscribe-secret-0123456789abcdef",
                ["Channels__SendGrid__ApiKey"] = "SG.kill-test-key",
                ["Channels__SendGrid__BaseUrl"] = SendGridServer.BaseUrl,
                ["Channels__Twilio__AccountSid"] = AccountSid,
                ["Channels__Twilio__AuthToken"] = AuthToken,
                ["Channels__Twilio__MessagingServiceSid"] = ServiceSid,
                ["Channels__Twilio__BaseUrl"] = TwilioServer.BaseUrl,
            };
            foreach (var provider in new[] { "SendGrid", "Twilio" })
            {
                settings[$"Channels__{provider}__Retry__BaseDelay"] = "00:00:00.010";
                settings[$"Channels__{provider}__Retry__MaxDelay"] = "00:00:00.050";
            }

            return settings;
        }
    }

    public static async Task<ProviderCalls> StartAsync(IEnumerable<string> contacts) =>
        new(await WireMockProvider.StartAsync(), await WireMockProvider.StartAsync(), contacts);

    public Task<int> CountAsync() => Task.FromResult(SendGrid.CallsByMessageId.Count + Twilio.CallsByMessageId.Count);

    public Task<IReadOnlyDictionary<string, MessageCalls>> ReadAsync()
    {
        var calls = new Dictionary<string, MessageCalls>(StringComparer.Ordinal);
        foreach (var (id, count) in SendGrid.CallsByMessageId)
        {
            calls[id] = new MessageCalls(count, SendGrid.FirstCallAt[id], _contactByAddress[SendGrid.ToByMessageId[id]], MessageChannel.Email);
        }

        foreach (var (id, count) in Twilio.CallsByMessageId)
        {
            var to = Twilio.Messages.First(m => m.MessageId == id).To;
            calls[id] = new MessageCalls(count, Twilio.FirstCallAt[id], _contactByAddress[to], MessageChannel.Sms);
        }

        return Task.FromResult<IReadOnlyDictionary<string, MessageCalls>>(calls);
    }

    public async ValueTask DisposeAsync()
    {
        await SendGridServer.DisposeAsync();
        await TwilioServer.DisposeAsync();
    }
}
