namespace Nurture.Functions.Ingestion;

/// <summary>What became of a delivery that was answered 202.</summary>
public enum DeliveryStatus
{
    /// <summary>Queued: its events will be processed.</summary>
    Accepted,

    /// <summary>Valid, but of a topic Nurture does not use; recorded and dropped, so the platform stops retrying.</summary>
    Ignored,
}
