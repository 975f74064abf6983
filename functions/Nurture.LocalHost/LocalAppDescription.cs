using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Metadata;

namespace Nurture.LocalHost;

/// <summary>
/// The Functions app the local host runs: its compiled assembly, the <c>functions.metadata</c> the Worker SDK wrote
/// for it, its <c>host.json</c>, and how to register its own services.
/// </summary>
public sealed class LocalAppDescription
{
    /// <summary>Describes the app.</summary>
    /// <param name="appAssembly">The assembly holding the <c>[Function]</c> classes (the metadata's <c>scriptFile</c>).</param>
    /// <param name="metadataPath">Path of the app's <c>functions.metadata</c>.</param>
    /// <param name="hostJsonPath">Path of the app's <c>host.json</c>.</param>
    /// <param name="configureServices">Registers the app's services (what its worker <c>Program</c> registers), given the final configuration.</param>
    public LocalAppDescription(Assembly appAssembly, string metadataPath, string hostJsonPath, Action<IServiceCollection, IConfiguration>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(appAssembly);
        ArgumentException.ThrowIfNullOrEmpty(metadataPath);
        ArgumentException.ThrowIfNullOrEmpty(hostJsonPath);
        AppAssembly = appAssembly;
        MetadataPath = metadataPath;
        HostJsonPath = hostJsonPath;
        ConfigureServices = configureServices;
    }

    /// <summary>The assembly holding the function classes.</summary>
    public Assembly AppAssembly { get; }

    /// <summary>Path of <c>functions.metadata</c>.</summary>
    public string MetadataPath { get; }

    /// <summary>Path of <c>host.json</c>.</summary>
    public string HostJsonPath { get; }

    /// <summary>Registers the app's services; runs in <see cref="LocalFunctionHostBuilder.Build"/>.</summary>
    public Action<IServiceCollection, IConfiguration>? ConfigureServices { get; }

    /// <summary>
    /// Path of a <c>local.settings.json</c> whose <c>Values</c> become settings; null (the default) looks where Core
    /// Tools would: the content root, then the host's folder. A path to a missing file means none.
    /// </summary>
    public string? LocalSettingsPath { get; init; }

    /// <summary>The app with <c>functions.metadata</c> and <c>host.json</c> next to its assembly (its build output).</summary>
    public static LocalAppDescription ForAssembly(Assembly appAssembly, Action<IServiceCollection, IConfiguration>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(appAssembly);
        var folder = Path.GetDirectoryName(appAssembly.Location) ?? AppContext.BaseDirectory;
        return new LocalAppDescription(appAssembly, Path.Combine(folder, FunctionMetadataReader.FileName), Path.Combine(folder, "host.json"), configureServices);
    }
}
