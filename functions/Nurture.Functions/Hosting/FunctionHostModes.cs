using Microsoft.Extensions.Configuration;

namespace Nurture.Functions.Hosting;

/// <summary>Picks the mode from configuration.</summary>
public static class FunctionHostModes
{
    /// <summary>The setting the Functions host puts the custom handler's port in.</summary>
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Custom-handler mode when <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is set, standalone otherwise.</summary>
    public static FunctionHostMode From(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[CustomHandlerPortSetting]) ? FunctionHostMode.Standalone : FunctionHostMode.CustomHandler;
}
