namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>How a send node's message goes out.</summary>
/// <param name="Sender">Email from-address or SMS sender (number, alphanumeric id or messaging service).</param>
/// <param name="Subject">Email subject line (template variables allowed); not used for SMS.</param>
/// <param name="Category">Reporting and unsubscribe-group category.</param>
public sealed record ChannelSettings(string? Sender, string? Subject = null, string? Category = null);
