using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Nurture.Functions.UnitTests.Infrastructure;

/// <summary>
/// Calls a function method the way the worker's ASP.NET Core integration does: a real <see cref="HttpRequest"/> in,
/// the returned <see cref="IActionResult"/> executed against its <see cref="HttpContext"/>, the response read back.
/// </summary>
public static class FunctionCall
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    /// <summary>A request to <paramref name="path"/> (with the route prefix, e.g. <c>/api/journeys</c>).</summary>
    public static HttpRequest Request(string method, string path, string? body = null, string? query = null, string contentType = "application/json")
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1");
        context.Request.Path = path;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Executes <paramref name="result"/> for <paramref name="request"/> and reads the response.</summary>
    public static async Task<FunctionAnswer> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return new FunctionAnswer(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, await reader.ReadToEndAsync());
    }

    /// <summary>Runs a function method on a new request and reads its answer.</summary>
    public static async Task<FunctionAnswer> RunAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function) =>
        await ExecuteAsync(request, await function(request));
}
