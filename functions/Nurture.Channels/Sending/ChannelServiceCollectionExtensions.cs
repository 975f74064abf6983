using global::SendGrid;
using global::Twilio.Clients;
using global::Twilio.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending.Resilience;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Channels.Sending.Twilio;
using Nurture.Channels.Unsubscribe;

namespace Nurture.Channels.Sending;

/// <summary>Registers the channels: settings, the one shared SDK client per provider, the router and unsubscribe links.</summary>
public static class ChannelServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ChannelOptions"/>, <see cref="SendGridOptions"/>, <see cref="TwilioOptions"/> and
    /// <see cref="UnsubscribeOptions"/> (bound from their sections, validated at start with messages naming the
    /// setting), the SendGrid and Twilio channels under <see cref="ChannelKeys"/>, <see cref="ChannelRouter"/> as the
    /// <see cref="IMessageChannel"/>, and the unsubscribe token service and link builder.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app's configuration (read here only to know which providers need settings).</param>
    /// <remarks>The outbox is the host's to register under <see cref="ChannelKeys.Outbox"/>.</remarks>
    public static IServiceCollection AddNurtureChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var sendGrid = Enum.TryParse<EmailProvider>(configuration[ChannelOptions.SectionName + ":Email"], ignoreCase: true, out var email) && email == EmailProvider.SendGrid;
        var twilio = Enum.TryParse<SmsProvider>(configuration[ChannelOptions.SectionName + ":Sms"], ignoreCase: true, out var sms) && sms == SmsProvider.Twilio;

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        AddValidated<ChannelOptions>(services, configuration, ChannelOptions.SectionName, new ChannelOptionsValidator());
        AddValidated<SendGridOptions>(services, configuration, SendGridOptions.SectionName, new SendGridOptionsValidator(sendGrid));
        AddValidated<TwilioOptions>(services, configuration, TwilioOptions.SectionName, new TwilioOptionsValidator(twilio));
        AddValidated<UnsubscribeOptions>(services, configuration, UnsubscribeOptions.SectionName, new UnsubscribeOptionsValidator(sendGrid));

        services.TryAddSingleton<UnsubscribeTokens>();
        services.TryAddSingleton<UnsubscribeLinkBuilder>();
        ProviderHttpClient.Add(services, SendGridChannel.HttpClientName, sp => sp.GetRequiredService<IOptions<SendGridOptions>>().Value.Retry);
        ProviderHttpClient.Add(services, TwilioChannel.HttpClientName, sp => sp.GetRequiredService<IOptions<TwilioOptions>>().Value.Retry)
            .AddHttpMessageHandler(sp => new TwilioBaseUrlHandler(new Uri(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.BaseUrl)));
        services.TryAddKeyedSingleton<IMessageChannel>(ChannelKeys.SendGrid, (sp, _) => CreateSendGrid(sp));
        services.TryAddKeyedSingleton<IMessageChannel>(ChannelKeys.Twilio, (sp, _) => CreateTwilio(sp));
        services.TryAddSingleton<ChannelRouter>();
        services.TryAddSingleton<IMessageChannel>(sp => sp.GetRequiredService<ChannelRouter>());
        return services;
    }

    private static void AddValidated<TOptions>(IServiceCollection services, IConfiguration configuration, string section, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        // Bound from the configuration handed in, so the host need not have registered IConfiguration itself.
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton(validator);
    }

    private static SendGridChannel CreateSendGrid(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SendGridOptions>>();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridChannel.HttpClientName);
        var client = new SendGridClient(http, new SendGridClientOptions { ApiKey = options.Value.ApiKey, Host = options.Value.BaseUrl });
        var unsubscribe = services.GetRequiredService<IOptions<UnsubscribeOptions>>().Value;
        var links = string.IsNullOrEmpty(unsubscribe.Secret) ? null : services.GetRequiredService<UnsubscribeLinkBuilder>();
        return new SendGridChannel(client, options, links, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<SendGridChannel>>());
    }

    private static TwilioChannel CreateTwilio(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TwilioOptions>>();
        var settings = options.Value;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(TwilioChannel.HttpClientName);
        var (user, password) = string.IsNullOrEmpty(settings.ApiKeySid) ? (settings.AccountSid, settings.AuthToken) : (settings.ApiKeySid, settings.ApiKeySecret);
        var client = new TwilioRestClient(user, password, accountSid: settings.AccountSid, httpClient: new SystemNetHttpClient(http));
        return new TwilioChannel(client, options, services.GetRequiredService<IOptions<ChannelOptions>>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<TwilioChannel>>());
    }
}
