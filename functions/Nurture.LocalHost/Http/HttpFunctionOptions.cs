using Nurture.LocalHost.Hosting;

namespace Nurture.LocalHost.Http;

/// <summary>HTTP settings from <c>host.json</c> <c>extensions.http</c>.</summary>
public sealed class HttpFunctionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = HostJsonConfiguration.HostJsonSection + ":extensions:http";

    /// <summary>Prefix of every HTTP function's route (default <c>api</c>; empty for none).</summary>
    public string RoutePrefix { get; set; } = "api";
}
