namespace Nurture.Channels.Sending;

/// <summary>Where email goes (setting <c>Channels:Email</c>).</summary>
public enum EmailProvider
{
    /// <summary>The local outbox table: nothing leaves the machine (the default).</summary>
    Outbox,

    /// <summary>SendGrid's Mail Send API.</summary>
    SendGrid,
}
