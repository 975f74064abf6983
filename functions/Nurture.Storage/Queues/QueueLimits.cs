using System.Text;
using System.Text.RegularExpressions;

namespace Nurture.Storage.Queues;

/// <summary>The Queue service's limits, checked before a request is sent.</summary>
public static partial class QueueLimits
{
    /// <summary>Largest message, in bytes of the text as sent (after base64 when encoding).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>Most messages one receive or peek returns.</summary>
    public const int MaxMessagesPerReceive = 32;

    /// <summary>Longest visibility delay or timeout.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    /// <summary>Time to live the service applies when none is given.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromDays(7);

    /// <summary>Visibility timeout the service applies to a receive when none is given.</summary>
    public static readonly TimeSpan DefaultVisibilityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Time to live meaning "until deleted" (sent as <c>messagettl=-1</c>, as the SDK documents).</summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <summary>Bytes the text takes in a message once UTF-8 encoded and base64'd (as Nurture's queue clients send it).</summary>
    /// <param name="text">The message text.</param>
    public static int EncodedByteCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (Encoding.UTF8.GetByteCount(text) + 2) / 3 * 4;
    }

    /// <summary>Whether the text fits in one message once encoded.</summary>
    /// <param name="text">The message text.</param>
    public static bool Fits(string text) => EncodedByteCount(text) <= MaxMessageBytes;

    /// <summary>Throws unless the name is a valid queue name.</summary>
    public static void ValidateQueueName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!QueueNamePattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Queue name '{name}' is invalid: use 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }
    }

    /// <summary>Throws unless the delay is within 0 to 7 days and shorter than the time to live.</summary>
    public static void ValidateVisibility(TimeSpan visibility, TimeSpan? timeToLive, string parameterName)
    {
        if (visibility < TimeSpan.Zero || visibility > MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(parameterName, visibility, "Visibility must be between 0 and 7 days.");
        }

        if (timeToLive is { } ttl && ttl != NeverExpires && visibility >= ttl)
        {
            throw new ArgumentOutOfRangeException(parameterName, visibility, $"Visibility must be shorter than the time to live ({ttl}).");
        }
    }

    /// <summary>Throws unless the time to live is positive or <see cref="NeverExpires"/>.</summary>
    public static void ValidateTimeToLive(TimeSpan timeToLive)
    {
        if (timeToLive != NeverExpires && timeToLive < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "Time to live must be at least 1 second, or QueueLimits.NeverExpires.");
        }
    }

    /// <summary>Throws unless 1 to 32 messages are asked for.</summary>
    public static void ValidateMaxMessages(int maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerReceive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "Between 1 and 32 messages can be taken at once.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueNamePattern();
}
