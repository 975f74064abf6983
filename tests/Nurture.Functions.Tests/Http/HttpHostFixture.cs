using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Http;

/// <summary>One standalone host with HTTP test functions of each auth level, and a 1 KiB body limit.</summary>
public sealed class HttpHostFixture : IAsyncLifetime
{
    public const string Echo = nameof(Echo);
    public const string AdminOnly = nameof(AdminOnly);
    public const string Ping = nameof(Ping);
    public const int BodyLimit = 1024;

    public FunctionTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await FunctionTestHost.StartAsync(
        services =>
        {
            services.AddFunction(new HttpFunction(Echo, new HttpTrigger("echo", ["POST"], AuthorizationLevel.Function), EchoAsync));
            services.AddFunction(new HttpFunction(AdminOnly, new HttpTrigger("admin/things/{id}", ["GET"], AuthorizationLevel.Admin), (request, _) =>
                Task.FromResult(Results.Ok(new { id = request.RouteValues["id"] }))));
            services.AddFunction(new HttpFunction(Ping, new HttpTrigger(null, ["GET"], AuthorizationLevel.Anonymous), (_, _) => Task.FromResult(Results.Text("pong"))));
        },
        new Dictionary<string, string?> { ["Host:MaxRequestBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private static async Task<IResult> EchoAsync(HttpRequest request, FunctionContext context)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.CancellationToken);
        return Results.Ok(new { length = body.Length });
    }
}
