namespace Nurture.LocalHost.Hosting;

/// <summary>Settings of the local host itself (section <c>Host</c>; <c>Host__Urls</c> as an environment variable).</summary>
public sealed class LocalHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Host";

    /// <summary>The Functions host's local default address (Core Tools listens there too).</summary>
    public const string DefaultUrls = "http://localhost:7071";

    /// <summary>
    /// Where Kestrel listens, <c>;</c>-separated, when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says
    /// (see <see cref="ListenUrls"/>).
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>Largest request body accepted, in bytes; larger answers 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long shutdown waits for in-flight requests, messages, timer runs and activities to finish.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>This instance's id in timer leases; defaults to <c>WEBSITE_INSTANCE_ID</c> or the machine name plus a random suffix.</summary>
    public string InstanceId { get; set; } = Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID")
        ?? $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(64, Environment.MachineName.Length + 33)];
}
