using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nurture.Core.Journeys.Runtime;

namespace Nurture.Core.Journeys;

/// <summary>Deterministic ids and hash buckets: the same inputs always give the same output, on every machine.</summary>
public static class JourneyIds
{
    /// <summary>Number of split buckets.</summary>
    public const int BucketCount = 10_000;

    /// <summary>The instance id for an entry: the same entry (event or API request) always maps to the same instance.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="contactId">The contact.</param>
    /// <param name="entryKey">The entry's own id: the event id, or the API request's idempotency key.</param>
    public static string InstanceId(string journeyId, string contactId, string entryKey) =>
        "ji-" + Hex(journeyId, contactId, entryKey)[..32];

    /// <summary>The batch id of a list or segment start: the same journey and request key always map to the same batch.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="requestKey">The batch request's idempotency key.</param>
    public static string BatchId(string journeyId, string requestKey) =>
        "jb-" + Hex("batch", journeyId, requestKey)[..32];

    /// <summary>The message id of a send: instance, node and visit, so a retried step reuses it and a loop gets a new one.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="nodeId">The send node.</param>
    /// <param name="visit">Which visit of the node (1 and up).</param>
    public static string MessageId(string instanceId, string nodeId, int visit) =>
        "jm-" + Hex(instanceId, nodeId, visit.ToString(CultureInfo.InvariantCulture))[..32];

    /// <summary>A readable timer id, unique within an instance.</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="visit">The node visit.</param>
    /// <param name="purpose">Why the timer exists.</param>
    /// <param name="attempt">Deferral attempt (0 for the first).</param>
    public static string TimerId(string nodeId, int visit, TimerPurpose purpose, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{nodeId}#{visit}/{purpose.ToString().ToLowerInvariant()}/{attempt}");

    /// <summary>A stable bucket in [0, <see cref="BucketCount"/>) from SHA-256 of journey, node and contact.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="nodeId">The split node.</param>
    /// <param name="contactId">The contact.</param>
    public static int SplitBucket(string journeyId, string nodeId, string contactId)
    {
        var hash = Hash(journeyId, nodeId, contactId);
        var value = BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (int)(value % BucketCount);
    }

    private static string Hex(params string[] parts) => Convert.ToHexStringLower(Hash(parts));

    private static byte[] Hash(params string[] parts)
    {
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
        }

        // A separator that cannot appear in ids keeps ("ab","c") and ("a","bc") apart.
        return SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
    }
}
