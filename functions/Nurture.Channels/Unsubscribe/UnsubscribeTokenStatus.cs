namespace Nurture.Channels.Unsubscribe;

/// <summary>Why a token was or was not accepted.</summary>
public enum UnsubscribeTokenStatus
{
    /// <summary>Signed by us and still valid.</summary>
    Valid,

    /// <summary>Not a token at all (bad encoding, wrong length, unknown version or channel).</summary>
    Malformed,

    /// <summary>Well formed but not signed with any configured secret (tampered or forged).</summary>
    BadSignature,

    /// <summary>Signed by us but older than the configured validity.</summary>
    Expired,
}
