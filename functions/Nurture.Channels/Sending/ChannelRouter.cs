using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Sending;

/// <summary>The <see cref="IMessageChannel"/> journeys use: hands each message to the provider configured for its channel.</summary>
public sealed class ChannelRouter : IMessageChannel
{
    private readonly Lazy<IMessageChannel> _email;
    private readonly Lazy<IMessageChannel> _sms;

    /// <summary>Creates the router.</summary>
    /// <param name="options">Which provider each channel uses.</param>
    /// <param name="services">Where the keyed channels are registered.</param>
    public ChannelRouter(IOptions<ChannelOptions> options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        var settings = options.Value;
        var emailKey = settings.Email == EmailProvider.SendGrid ? ChannelKeys.SendGrid : ChannelKeys.Outbox;
        var smsKey = settings.Sms == SmsProvider.Twilio ? ChannelKeys.Twilio : ChannelKeys.Outbox;
        _email = new Lazy<IMessageChannel>(() => Resolve(services, emailKey, "Email"));
        _sms = new Lazy<IMessageChannel>(() => Resolve(services, smsKey, "Sms"));
    }

    /// <summary>The channel that takes messages of <paramref name="channel"/>.</summary>
    /// <param name="channel">Email or SMS.</param>
    public IMessageChannel For(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => _email.Value,
        MessageChannel.Sms => _sms.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "no such channel"),
    };

    /// <inheritdoc />
    public Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return For(message.Channel).SendAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The id alone does not say the channel: the email channel is asked first, then the SMS channel if it is another.</remarks>
    public async Task<ChannelSendResult?> FindAcceptedAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var email = _email.Value;
        var found = await email.FindAcceptedAsync(messageId, cancellationToken).ConfigureAwait(false);
        return found ?? (ReferenceEquals(_sms.Value, email) ? null : await _sms.Value.FindAcceptedAsync(messageId, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public Task<AcceptanceCheck> CheckAcceptedAsync(OutboundMessage message, DateTimeOffset attemptedSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return For(message.Channel).CheckAcceptedAsync(message, attemptedSince, cancellationToken);
    }

    private static IMessageChannel Resolve(IServiceProvider services, string key, string setting) =>
        services.GetKeyedService<IMessageChannel>(key)
        ?? throw new InvalidOperationException($"{ChannelOptions.SectionName}:{setting} selects '{key}', but no IMessageChannel is registered under that key (register the outbox with ChannelKeys.Outbox).");
}
