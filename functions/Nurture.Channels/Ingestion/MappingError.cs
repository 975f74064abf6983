namespace Nurture.Channels.Ingestion;

/// <summary>One reason a payload (or one element of a batch) could not be mapped.</summary>
/// <param name="Field">The JSON path or header at fault, e.g. <c>events[3].occurredAt</c> or <c>X-Shopify-Event-Id</c>.</param>
/// <param name="Message">What is wrong, phrased so the sender can fix it.</param>
public sealed record MappingError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field + ": " + Message;
}
