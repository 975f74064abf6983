using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Channels.Sending.Twilio;

namespace Nurture.Channels.Tests.Infrastructure;

/// <summary>Builds the channels exactly as the app does (<see cref="ChannelServiceCollectionExtensions.AddNurtureChannels"/>) from settings.</summary>
internal static class ChannelServices
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "0123456789abcdef0123456789abcdef";
    public const string ServiceSid = "MG0123456789abcdef0123456789abcdef";
    public const string SendGridKey = "SG.test-key";
    public const string PublicBase = "https://nurture.example.com";
    public const string Secret = "unsubscribe-secret-0123456789abcdef0123456789";

    /// <summary>Settings with both providers on, fast retries, and the given overrides.</summary>
    public static Dictionary<string, string?> Settings(string? sendGridUrl = null, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Email"] = "SendGrid",
            ["Channels:Sms"] = "Twilio",
            ["Channels:PublicBaseUrl"] = PublicBase,
            ["Channels:Unsubscribe:Secret"] = Secret,
            ["Channels:SendGrid:ApiKey"] = SendGridKey,
            ["Channels:SendGrid:BaseUrl"] = sendGridUrl ?? "https://api.sendgrid.com",
            ["Channels:Twilio:AccountSid"] = AccountSid,
            ["Channels:Twilio:AuthToken"] = AuthToken,
            ["Channels:Twilio:MessagingServiceSid"] = ServiceSid,
        };
        foreach (var provider in new[] { "SendGrid", "Twilio" })
        {
            settings[$"Channels:{provider}:Retry:BaseDelay"] = "00:00:00.010";
            settings[$"Channels:{provider}:Retry:MaxDelay"] = "00:00:00.050";
            settings[$"Channels:{provider}:Retry:MaxServerDelay"] = "00:00:05";
            settings[$"Channels:{provider}:Retry:AttemptTimeout"] = "00:00:10";
            settings[$"Channels:{provider}:Retry:TotalTimeout"] = "00:00:30";
        }

        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The service provider; Twilio's HTTP client is pointed at <paramref name="twilioFake"/> when given.</summary>
    public static ServiceProvider Build(Dictionary<string, string?> settings, string? twilioFake = null, TimeProvider? clock = null)
    {
        if (twilioFake is not null)
        {
            // The Twilio SDK builds https://api.twilio.com itself; the app's setting sends it to the fake instead.
            settings = new Dictionary<string, string?>(settings) { ["Channels:Twilio:BaseUrl"] = twilioFake };
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddNurtureChannels(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Runs the start-up validation the host runs (<c>ValidateOnStart</c>).</summary>
    public static void ValidateOnStart(IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();

    public static SendGridChannel SendGrid(IServiceProvider services) => (SendGridChannel)services.GetRequiredKeyedService<IMessageChannel>(ChannelKeys.SendGrid);

    public static TwilioChannel Twilio(IServiceProvider services) => (TwilioChannel)services.GetRequiredKeyedService<IMessageChannel>(ChannelKeys.Twilio);
}
