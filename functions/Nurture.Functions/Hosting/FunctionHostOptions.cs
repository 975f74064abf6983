namespace Nurture.Functions.Hosting;

/// <summary>Settings of the standalone host (section <c>Host</c>).</summary>
public sealed class FunctionHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Host";

    /// <summary>Where Kestrel listens in standalone mode; the Functions local default.</summary>
    public string Urls { get; set; } = "http://localhost:7071";

    /// <summary>Largest request body accepted, in bytes; larger answers 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long shutdown waits for in-flight invocations to finish.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>This instance's id in timer leases; defaults to <c>WEBSITE_INSTANCE_ID</c> or the machine name plus a random suffix.</summary>
    public string InstanceId { get; set; } = Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID")
        ?? $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(64, Environment.MachineName.Length + 33)];
}
