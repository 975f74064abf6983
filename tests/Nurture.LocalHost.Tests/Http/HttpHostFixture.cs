using System.Globalization;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Support;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Http;

/// <summary>One host running the test app's HTTP functions (every auth level), with keys and a 1 KiB body limit.</summary>
public sealed class HttpHostFixture(IMessageSink sink) : IAsyncLifetime
{
    public const int BodyLimit = 1024;
    public const string MasterKey = "master-key-for-tests";
    public const string DefaultKey = "default-function-key";
    public const string EchoKey = "echo-only-key";

    public LocalTestHost Host { get; private set; } = null!;

    public Probe Probe => Host.Services.GetProbe();

    public static string Metadata => Of(
        HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Echo)), "Function", ["post"], "echo"),
        HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.AdminThing)), "Admin", ["get"], "admin/things/{id}"),
        HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Ping)), "Anonymous", ["get"]),
        HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Item)), "Anonymous", ["get"], "items/{id}/{key}/{tag?}"),
        HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Fail)), "Anonymous", ["get"], "fail"),
        HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Written)), "Anonymous", ["put"], "written"));

    public async Task InitializeAsync() => Host = await LocalTestHost.StartAsync(
        new SinkOutput(sink),
        Metadata,
        new Dictionary<string, string?>
        {
            ["Host:MaxRequestBodyBytes"] = BodyLimit.ToString(CultureInfo.InvariantCulture),
            ["FunctionKeys:MasterKey"] = MasterKey,
            ["FunctionKeys:Default"] = DefaultKey,
            [$"FunctionKeys:Functions:{nameof(HttpFunctions.Echo)}"] = EchoKey,
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
