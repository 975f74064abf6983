using System.Security.Cryptography;
using System.Text;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion;

/// <summary>Deterministic event ids: the same source and idempotency key always give the same id.</summary>
/// <remarks>
/// The first 128 bits of SHA-256 over the source name and key, as 32 lowercase hex characters: safe in any
/// table key whatever the key held, and collisions are negligible at any volume a shop produces.
/// </remarks>
public static class EventIds
{
    /// <summary>The id for an event from <paramref name="source"/> with the source's dedupe key.</summary>
    public static string Compute(EventSource source, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString() + "\n" + idempotencyKey));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
