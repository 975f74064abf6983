namespace Nurture.Channels.Sending;

/// <summary>The service keys of the <see cref="IMessageChannel"/> implementations <see cref="ChannelRouter"/> picks from.</summary>
/// <remarks>
/// <see cref="ChannelServiceCollectionExtensions.AddNurtureChannels"/> registers SendGrid and Twilio; the host registers
/// the outbox under <see cref="Outbox"/> (it lives on storage the host owns), e.g.
/// <c>services.AddKeyedSingleton&lt;IMessageChannel&gt;(ChannelKeys.Outbox, (sp, _) =&gt; ...)</c>.
/// </remarks>
public static class ChannelKeys
{
    /// <summary>The local outbox.</summary>
    public const string Outbox = "Outbox";

    /// <summary>SendGrid.</summary>
    public const string SendGrid = "SendGrid";

    /// <summary>Twilio.</summary>
    public const string Twilio = "Twilio";
}
