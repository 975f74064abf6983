using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.LocalHost.Binding;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Hosting;

namespace Nurture.LocalHost.Http;

/// <summary>
/// Maps every HTTP function of the catalog to <c>/{routePrefix}/{route}</c> with its methods, checks its key, limits
/// the body, runs it through the invoker and writes its result; failures become problem+json.
/// </summary>
internal static class HttpFunctionEndpoints
{
    /// <summary>Maps the HTTP functions.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var catalog = services.GetRequiredService<LocalFunctionCatalog>();
        var prefix = RoutePrefix(services);

        // Resolved once, not per request: the body limit is fixed at start and the monitor follows key reloads.
        var limit = services.GetRequiredService<IOptions<LocalHostOptions>>().Value.MaxRequestBodyBytes;
        var keys = services.GetRequiredService<IOptionsMonitor<FunctionKeysOptions>>();
        var invoker = services.GetRequiredService<FunctionInvoker>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpFunctionEndpoints));
        foreach (var function in catalog.Http)
        {
            var pattern = prefix.Length == 0 ? "/" + function.Route : $"/{prefix}/{function.Route}";
            RequestDelegate handler = context => HandleAsync(context, function, limit, keys, invoker);
            var builder = function.Methods.Count == 0 ? endpoints.Map(pattern, handler) : endpoints.MapMethods(pattern, function.Methods, handler);
            builder.WithName(function.Name);
            FunctionLog.HttpFunctionMapped(logger, function.Name, function.Methods.Count == 0 ? "*" : string.Join(',', function.Methods), pattern, function.AuthLevel.ToString());
        }

        return endpoints;
    }

    /// <summary>The prefix in effect, without slashes.</summary>
    public static string RoutePrefix(IServiceProvider services) =>
        services.GetRequiredService<IOptions<HttpFunctionOptions>>().Value.RoutePrefix.Trim('/');

    private static async Task HandleAsync(HttpContext http, HttpFunction function, long limit, IOptionsMonitor<FunctionKeysOptions> keys, FunctionInvoker invoker)
    {
        if (http.Request.ContentLength > limit)
        {
            await Problems.PayloadTooLarge(limit).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (function.AuthLevel != AuthorizationLevel.Anonymous)
        {
            var presented = http.Request.Headers[FunctionKeyAuthorizer.KeyHeader].FirstOrDefault()
                ?? http.Request.Query[FunctionKeyAuthorizer.KeyQueryParameter].FirstOrDefault();
            var check = FunctionKeyAuthorizer.Check(function.AuthLevel, function.Name, presented, keys.CurrentValue);
            if (check != FunctionKeyCheck.Allowed)
            {
                await Problems.Unauthorized(check, function.AuthLevel).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }
        }

        IResult? problem = null;
        try
        {
            var details = $"{http.Request.Method} {http.Request.Path}";
            var result = await invoker.InvokeAsync(function, new InvocationTrigger.Http(http), details, http.RequestAborted).ConfigureAwait(false);
            await WriteAsync(http, function.Binding!.HttpReturn, result).ConfigureAwait(false);
        }
        catch (RouteValueException e)
        {
            problem = Problems.BadRouteValue(e.Name, e.Type);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
        {
            problem = Problems.PayloadTooLarge(limit);
        }
        catch (Exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            // The invoker logged the cause; the caller learns which function failed, not how.
            problem = Problems.FunctionFailed(function.Name);
        }

        if (problem is not null)
        {
            http.Response.Clear();
            await problem.ExecuteAsync(http).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext http, HttpReturnKind kind, object? result) => (kind, result) switch
    {
        (HttpReturnKind.ActionResult, IActionResult action) => action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())),
        (HttpReturnKind.Result, IResult minimal) => minimal.ExecuteAsync(http),
        _ => Task.CompletedTask,
    };
}
