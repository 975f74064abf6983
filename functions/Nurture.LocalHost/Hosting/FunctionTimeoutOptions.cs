namespace Nurture.LocalHost.Hosting;

/// <summary>The <c>functionTimeout</c> of <c>host.json</c>: how long an invocation may run before its token is cancelled.</summary>
public sealed class FunctionTimeoutOptions
{
    /// <summary>The configuration section (the root of <c>host.json</c>).</summary>
    public const string Section = HostJsonConfiguration.HostJsonSection;

    /// <summary>The limit; null, or negative (<c>-1</c>, infinite), means none.</summary>
    public TimeSpan? FunctionTimeout { get; set; }

    /// <summary>The limit in effect, or null for none.</summary>
    public TimeSpan? Limit => FunctionTimeout is { } limit && limit > TimeSpan.Zero ? limit : null;
}
