namespace Nurture.Channels.Webhooks;

/// <summary>The outcome of checking a webhook delivery's signature, saying why a check failed.</summary>
public enum SignatureStatus
{
    /// <summary>The signature matches: the delivery is authentic.</summary>
    Valid,

    /// <summary>The signature (or shared-secret) header is absent or empty.</summary>
    MissingSignature,

    /// <summary>The signature header is not valid base64 (or not a DER signature).</summary>
    BadEncoding,

    /// <summary>The signature is well formed but does not match the body.</summary>
    Mismatch,

    /// <summary>The timestamp header is absent or not a number.</summary>
    MissingTimestamp,

    /// <summary>The timestamp is outside the accepted tolerance around now (a replay or a skewed clock).</summary>
    StaleTimestamp,
}
