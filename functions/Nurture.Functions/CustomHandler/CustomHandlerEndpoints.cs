using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.CustomHandler;

/// <summary>
/// <c>POST /{FunctionName}</c> for each queue and timer function: the Functions host's invocation in, the
/// handler run, <c>Outputs</c>/<c>Logs</c>/<c>ReturnValue</c> out. A failed handler answers 500 so the host
/// counts a failure and retries the message.
/// </summary>
public static class CustomHandlerEndpoints
{
    /// <summary>Maps the invocation endpoints.</summary>
    public static IEndpointRouteBuilder MapCustomHandlerInvocations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        foreach (var function in catalog.Functions.Where(f => f is QueueFunction or TimerFunction))
        {
            RequestDelegate invoke = async http => await (await InvokeAsync(http, function, catalog).ConfigureAwait(false)).ExecuteAsync(http).ConfigureAwait(false);
            endpoints.MapPost("/" + function.Name, invoke).WithName("Invoke" + function.Name);
        }

        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(HttpContext http, FunctionDefinition function, FunctionCatalog catalog)
    {
        JsonDocument payload;
        try
        {
            payload = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The invocation payload is not JSON.", detail: e.Message);
        }

        using (payload)
        {
            var services = http.RequestServices;
            var invoker = services.GetRequiredService<FunctionInvoker>();
            var logger = new CollectingLogger(services.GetRequiredService<ILoggerFactory>().CreateLogger("Function." + function.Name));
            try
            {
                switch (function)
                {
                    case QueueFunction queue:
                        var message = InvocationPayload.ReadQueueMessage(payload.RootElement, catalog.ResolveQueueName(queue));
                        var queueDetails = $"custom handler, queue {message.QueueName}, message {message.MessageId}, dequeue count {message.DequeueCount}";
                        await invoker.InvokeAsync(queue, queueDetails, Run(c => queue.Handler(message, c)), logger, http.RequestAborted).ConfigureAwait(false);
                        break;
                    case TimerFunction timer:
                        var info = InvocationPayload.ReadTimer(payload.RootElement);
                        var timerDetails = $"custom handler, past due {info.IsPastDue}";
                        await invoker.InvokeAsync(timer, timerDetails, Run(c => timer.Handler(info, c)), logger, http.RequestAborted).ConfigureAwait(false);
                        break;
                }
            }
            catch (FormatException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The invocation payload is not what this function expects.", detail: e.Message);
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
            {
                var lines = logger.Lines.Append($"Error: {function.Name} failed with {e.GetType().Name}.").ToList();
                return Results.Json(new InvocationResponse(new Dictionary<string, object?>(), lines, null), statusCode: StatusCodes.Status500InternalServerError);
            }

            return Results.Json(new InvocationResponse(new Dictionary<string, object?>(), logger.Lines, null));
        }
    }

    private static Func<FunctionContext, Task<bool>> Run(Func<FunctionContext, Task> handler) => async context =>
    {
        await handler(context).ConfigureAwait(false);
        return true;
    };
}
