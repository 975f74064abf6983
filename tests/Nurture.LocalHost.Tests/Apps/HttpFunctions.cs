using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Tests.Apps;

/// <summary>HTTP functions of the test app, written as an isolated-worker app writes them (ASP.NET Core integration).</summary>
public sealed class HttpFunctions(Probe probe)
{
    [Function(nameof(Echo))]
    public async Task<IActionResult> Echo([HttpTrigger(AuthorizationLevel.Function, "post", Route = "echo")] HttpRequest req, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(req.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        await probe.RunAsync(new ProbeCall(nameof(Echo), body), cancellationToken);
        return new OkObjectResult(new { length = body.Length });
    }

    [Function(nameof(AdminThing))]
    public static IActionResult AdminThing([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/things/{id}")] HttpRequest req, string id) =>
        new JsonResult(new { id });

    [Function(nameof(Ping))]
    public static IActionResult Ping([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req) =>
        new ContentResult { Content = "pong", ContentType = "text/plain", StatusCode = StatusCodes.Status200OK };

    [Function(nameof(Item))]
    public static IResult Item([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}/{key}/{tag?}")] HttpRequest req, int id, Guid key, string? tag) =>
        Results.Json(new { id, key, tag });

    [Function(nameof(Fail))]
    public static IActionResult Fail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fail")] HttpRequest req) =>
        throw new InvalidOperationException("the cause only the log should show");

    [Function(nameof(Written))]
    public static async Task Written([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "written")] HttpRequest req)
    {
        req.HttpContext.Response.StatusCode = StatusCodes.Status202Accepted;
        await req.HttpContext.Response.WriteAsync("accepted");
    }

    /// <summary>Waits for the probe's behaviour (a gate, or the token) and says whether its token was cancelled.</summary>
    [Function(nameof(Slow))]
    public async Task<IActionResult> Slow([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "slow")] HttpRequest req, FunctionContext context)
    {
        try
        {
            await probe.RunAsync(new ProbeCall(nameof(Slow), req.Query["id"].ToString()), context.CancellationToken);
            return new OkObjectResult("finished");
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            return new ObjectResult("cancelled") { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }
    }
}
