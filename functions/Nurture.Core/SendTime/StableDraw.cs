using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Nurture.Core.SendTime;

/// <summary>Deterministic draws in [0, 1) from a key: the same key always gives the same number, on every machine.</summary>
/// <remarks>Decisions are pure (replayed by durable orchestrations), so randomness comes from hashing, never from a generator.</remarks>
public static class StableDraw
{
    /// <summary>A number in [0, 1) from SHA-256 of <paramref name="purpose"/> and <paramref name="key"/>.</summary>
    /// <param name="purpose">What the draw is for (keeps draws for different purposes independent).</param>
    /// <param name="key">The stable key, e.g. a message id.</param>
    public static double Unit(string purpose, string key)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\u001f" + key), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1d / (1UL << 53));
    }
}
