namespace Nurture.Channels.Ingestion;

/// <summary>
/// A well-formed delivery Nurture does not use (an unknown topic, a ping). The caller records it as ignored
/// and acknowledges it, so the platform stops retrying.
/// </summary>
/// <param name="Reason">Why, for the record (e.g. <c>unknown topic 'products/update'</c>).</param>
public sealed record IgnoredDelivery(string Reason) : MappingOutcome;
