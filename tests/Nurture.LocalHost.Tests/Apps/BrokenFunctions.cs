using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Tests.Apps;

/// <summary>Functions the local host must refuse at start, each for a different reason.</summary>
public sealed class BrokenFunctions
{
    [Function(nameof(NeedsLogger))]
    public static IActionResult NeedsLogger([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req, ILogger logger) => new OkResult();

    [Function(nameof(TimerAsString))]
    public static void TimerAsString([TimerTrigger("0 0 * * * *")] string timer)
    {
    }

    [Function(nameof(ReturnsAValue))]
    public static string ReturnsAValue([QueueTrigger("some-queue")] string message) => message;

    [Function(nameof(RouteValueNotInRoute))]
    public static IActionResult RouteValueNotInRoute([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things")] HttpRequest req, string id) => new OkResult();
}
