using System.Globalization;
using System.Net.Http.Headers;

namespace Nurture.Channels.Sending.Resilience;

/// <summary>Reads how long a provider asked us to wait: <c>Retry-After</c> (seconds or a date) or <c>X-RateLimit-Reset</c> (Unix seconds, SendGrid).</summary>
public static class RetryDelays
{
    /// <summary>SendGrid's header: the Unix time at which the rate-limit window resets.</summary>
    public const string RateLimitResetHeader = "X-RateLimit-Reset";

    /// <summary>The wait the response asks for, or null when it asks for none.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The current time.</param>
    public static TimeSpan? Requested(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.RetryAfter is { } retryAfter)
        {
            var delay = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
            if (delay is { } d)
            {
                return d < TimeSpan.Zero ? TimeSpan.Zero : d;
            }
        }

        if (headers.TryGetValues(RateLimitResetHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var resetAt)
            && resetAt < DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            var delay = DateTimeOffset.FromUnixTimeSeconds(resetAt) - now;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }
}
