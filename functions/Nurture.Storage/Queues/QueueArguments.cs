namespace Nurture.Storage.Queues;

/// <summary>
/// Argument checks shared by every queue client, so the REST client and the in-memory twin refuse the same
/// input before anything is sent. Durations travel as whole seconds; fractions are dropped before checking.
/// </summary>
internal static class QueueArguments
{
    /// <summary>The service's <c>messagettl</c> value for "never expires".</summary>
    public const long NeverExpiresSeconds = -1;

    /// <summary>Checks a send; returns the visibility delay in seconds and the TTL in seconds (null for the default, -1 for never).</summary>
    public static (long VisibilitySeconds, long? TimeToLiveSeconds) ForSend(string text, TimeSpan? visibilityDelay, TimeSpan? timeToLive)
    {
        ArgumentNullException.ThrowIfNull(text);
        long? ttlSeconds = null;
        if (timeToLive is { } ttl)
        {
            QueueLimits.ValidateTimeToLive(ttl);
            ttlSeconds = ttl == QueueLimits.NeverExpires ? NeverExpiresSeconds : WholeSeconds(ttl);
            if (ttlSeconds > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "The service takes a time to live of at most int.MaxValue seconds; use QueueLimits.NeverExpires to keep a message until deleted.");
            }
        }

        // Dropping the fraction first keeps 0.5 s within a 1 s TTL valid, but a negative delay must still fail.
        var delay = visibilityDelay ?? TimeSpan.Zero;
        var visibility = delay < TimeSpan.Zero ? delay : TimeSpan.FromSeconds(WholeSeconds(delay));
        var ttlForCheck = ttlSeconds switch
        {
            null => QueueLimits.DefaultTimeToLive,
            NeverExpiresSeconds => QueueLimits.NeverExpires,
            { } s => TimeSpan.FromSeconds(s),
        };
        QueueLimits.ValidateVisibility(visibility, ttlForCheck, nameof(visibilityDelay));
        return (WholeSeconds(visibility), ttlSeconds);
    }

    /// <summary>Checks a receive; returns the visibility timeout in seconds (at least 1, at most 7 days).</summary>
    public static long ForReceive(int maxMessages, TimeSpan? visibilityTimeout)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        var timeout = visibilityTimeout ?? QueueLimits.DefaultVisibilityTimeout;
        if (timeout < TimeSpan.FromSeconds(1) || timeout > QueueLimits.MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), timeout, "A receive's visibility timeout must be between 1 second and 7 days.");
        }

        return WholeSeconds(timeout);
    }

    /// <summary>Checks an update; returns the new visibility timeout in seconds (0 to 7 days).</summary>
    public static long ForUpdate(string messageId, string popReceipt, TimeSpan visibilityTimeout)
    {
        ForMessage(messageId, popReceipt);
        QueueLimits.ValidateVisibility(visibilityTimeout, timeToLive: null, nameof(visibilityTimeout));
        return WholeSeconds(visibilityTimeout);
    }

    /// <summary>Checks the identity of a received message.</summary>
    public static void ForMessage(string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
    }

    private static long WholeSeconds(TimeSpan value) => value.Ticks / TimeSpan.TicksPerSecond;
}
