namespace Nurture.Channels.Sending.Resilience;

/// <summary>How hard one provider call tries before it answers a transient failure (bound under <c>...:Retry</c>).</summary>
/// <remarks>
/// The bounds keep an activity from hanging: <see cref="TotalTimeout"/> caps the whole call, retries included. A
/// provider that asks for a longer wait than <see cref="MaxServerDelay"/> is not waited for: the call answers a
/// transient failure carrying the asked delay, and the journey retries later.
/// </remarks>
public sealed class ProviderRetryOptions
{
    /// <summary>Retries after the first attempt (0 to 10).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay when the provider does not say how long to wait (doubles each retry, with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay of our own.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The longest <c>Retry-After</c> / <c>X-RateLimit-Reset</c> wait honoured inside one call.</summary>
    public TimeSpan MaxServerDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The timeout of the whole call, retries and waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The problems with these settings, each naming the setting under <paramref name="section"/>.</summary>
    /// <param name="section">The configuration path of this object, e.g. <c>Channels:SendGrid:Retry</c>.</param>
    public IEnumerable<string> Problems(string section)
    {
        if (MaxRetries is < 0 or > 10)
        {
            yield return $"{section}:MaxRetries must be between 0 and 10 (it is {MaxRetries}).";
        }

        foreach (var (name, value) in new[] { (nameof(BaseDelay), BaseDelay), (nameof(MaxDelay), MaxDelay), (nameof(MaxServerDelay), MaxServerDelay) })
        {
            if (value < TimeSpan.Zero)
            {
                yield return $"{section}:{name} must not be negative.";
            }
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero)
        {
            yield return $"{section}:AttemptTimeout and {section}:TotalTimeout must be positive.";
        }
        else if (AttemptTimeout > TotalTimeout)
        {
            yield return $"{section}:AttemptTimeout ({AttemptTimeout}) must not exceed {section}:TotalTimeout ({TotalTimeout}).";
        }

        if (MaxServerDelay >= TotalTimeout)
        {
            yield return $"{section}:MaxServerDelay ({MaxServerDelay}) must be shorter than {section}:TotalTimeout ({TotalTimeout}), or an honoured wait could outlast the call.";
        }
    }
}
