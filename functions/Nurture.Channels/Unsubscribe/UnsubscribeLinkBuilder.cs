using Microsoft.Extensions.Options;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Unsubscribe;

/// <summary>Builds a message's unsubscribe links: <c>{publicBaseUrl}/api/unsubscribe?token=...</c> and the optional mailto.</summary>
public sealed class UnsubscribeLinkBuilder
{
    /// <summary>The query parameter that carries the token.</summary>
    public const string TokenParameter = "token";

    private readonly UnsubscribeTokens _tokens;
    private readonly string _endpoint;
    private readonly string? _mailto;

    /// <summary>Creates the builder.</summary>
    /// <param name="tokens">The token service.</param>
    /// <param name="channels">The channel settings (public base URL).</param>
    /// <param name="unsubscribe">The unsubscribe settings (mailto address).</param>
    public UnsubscribeLinkBuilder(UnsubscribeTokens tokens, IOptions<ChannelOptions> channels, IOptions<UnsubscribeOptions> unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(unsubscribe);
        var baseUrl = channels.Value.PublicBaseUrl ?? throw new InvalidOperationException(ChannelOptions.SectionName + ":PublicBaseUrl is required to build unsubscribe links.");
        _tokens = tokens;
        _endpoint = baseUrl.TrimEnd('/') + UnsubscribeOptions.EndpointPath + "?" + TokenParameter + "=";
        _mailto = unsubscribe.Value.MailtoAddress is { Length: > 0 } address ? "mailto:" + address : null;
    }

    /// <summary>The links for one contact, channel and shop.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="shopId">The shop, if any.</param>
    /// <param name="now">The issue time.</param>
    public UnsubscribeLinks Build(string contactId, MessageChannel channel, string? shopId, DateTimeOffset now)
    {
        var token = _tokens.Issue(contactId, channel, shopId, now);
        // Base64url needs no escaping in a query string or a mailto subject.
        return new UnsubscribeLinks(_endpoint + token, _mailto is null ? null : _mailto + "?subject=unsubscribe%20" + token);
    }
}
