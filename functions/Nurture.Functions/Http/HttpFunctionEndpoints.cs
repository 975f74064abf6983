using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.Http;

/// <summary>
/// Maps every HTTP function of the catalog to <c>/{routePrefix}/{route}</c>, with key checks (standalone mode
/// only: behind Azure Functions the host checks keys before forwarding), the body size limit and problem+json errors.
/// </summary>
public static class HttpFunctionEndpoints
{
    /// <summary>Maps the HTTP functions.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionHostMode mode)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var catalog = services.GetRequiredService<FunctionCatalog>();
        var prefix = services.GetRequiredService<IOptions<HttpFunctionOptions>>().Value.RoutePrefix.Trim('/');

        // Resolved once, not per request: the body limit is fixed at start and the monitor follows key reloads.
        var limit = services.GetRequiredService<IOptions<FunctionHostOptions>>().Value.MaxRequestBodyBytes;
        var keys = services.GetRequiredService<IOptionsMonitor<FunctionKeysOptions>>();
        var invoker = services.GetRequiredService<FunctionInvoker>();
        foreach (var function in catalog.HttpFunctions)
        {
            var route = (function.Http.Route ?? function.Name).Trim('/');
            var pattern = prefix.Length == 0 ? "/" + route : $"/{prefix}/{route}";
            RequestDelegate handler = context => HandleAsync(context, function, mode, limit, keys, invoker);
            var builder = function.Http.Methods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(pattern, function.Http.Methods, handler);
            builder.WithName(function.Name);
        }

        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, HttpFunction function, FunctionHostMode mode, long limit, IOptionsMonitor<FunctionKeysOptions> keys, FunctionInvoker invoker)
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

        if (mode == FunctionHostMode.Standalone && function.Http.AuthLevel != AuthorizationLevel.Anonymous)
        {
            var presented = http.Request.Headers[FunctionKeyAuthorizer.KeyHeader].FirstOrDefault()
                ?? http.Request.Query[FunctionKeyAuthorizer.KeyQueryParameter].FirstOrDefault();
            var check = FunctionKeyAuthorizer.Check(function.Http.AuthLevel, function.Name, presented, keys.CurrentValue);
            if (check != FunctionKeyCheck.Allowed)
            {
                await Problems.Unauthorized(check, function.Http.AuthLevel).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }
        }

        IResult result;
        try
        {
            var details = $"{http.Request.Method} {http.Request.Path}";
            result = await invoker.InvokeAsync(function, details, context => function.Handler(http.Request, context), cancellationToken: http.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            result = Problems.PayloadTooLarge(limit);
        }
        catch (Exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            result = Problems.FunctionFailed(function.Name);
        }

        await result.ExecuteAsync(http).ConfigureAwait(false);
    }
}
