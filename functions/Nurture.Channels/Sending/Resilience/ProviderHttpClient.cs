using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Nurture.Channels.Sending.Resilience;

/// <summary>
/// The one shared HTTP client per provider: pooled connections that are renewed (so a singleton SDK client follows
/// DNS changes), the caller's cancellation linked in, and a Polly pipeline of total timeout, retry and attempt timeout.
/// </summary>
/// <remarks>
/// Retried: 429 and 5xx (waiting what <c>Retry-After</c> / <c>X-RateLimit-Reset</c> ask when they ask at most
/// <see cref="ProviderRetryOptions.MaxServerDelay"/>), and failures where the request certainly never left
/// (connection refused, no DNS). A timed-out or broken attempt is retried only for GET: a POST that may have reached
/// the provider is not repeated inside the call but answered as a transient failure that may have been accepted.
/// </remarks>
internal static class ProviderHttpClient
{
    /// <summary>Registers the named client.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (also the pipeline's).</param>
    /// <param name="retry">Reads the provider's retry settings.</param>
    public static IHttpClientBuilder Add(IServiceCollection services, string name, Func<IServiceProvider, ProviderRetryOptions> retry)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<CallerCancellationHandler>();
        services.TryAddTransient<AttemptRecorder>();
        var client = services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<CallerCancellationHandler>();
        client.AddResilienceHandler(name, (pipeline, context) =>
        {
            var options = retry(context.ServiceProvider);
            var clock = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProviderHttpClient).Namespace!);
            Configure(pipeline, name, options, clock, logger);
        });
        return client.AddHttpMessageHandler<AttemptRecorder>();
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, string name, ProviderRetryOptions options, TimeProvider clock, ILogger logger)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, clock)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.Outcome, args.AttemptNumber, options, clock)),
                OnRetry = args =>
                {
                    ChannelsLog.Retrying(logger, name, (int?)args.Outcome.Result?.StatusCode ?? 0, args.Outcome.Exception?.GetType().Name ?? "-", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ProviderRetryOptions options, TimeProvider clock)
    {
        if (outcome.Result is { } response)
        {
            if (!IsTransient(response.StatusCode))
            {
                return false;
            }

            var asked = RetryDelays.Requested(response.Headers, clock.GetUtcNow());
            return asked is null || asked <= options.MaxServerDelay;
        }

        if (outcome.Exception is not { } e || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (AttemptRecorder.IsRefusedBeforeSending(e))
        {
            return true;
        }

        var idempotent = context.GetRequestMessage()?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head);
        return idempotent && e is HttpRequestException or TimeoutRejectedException;
    }

    private static TimeSpan Delay(Outcome<HttpResponseMessage> outcome, int attempt, ProviderRetryOptions options, TimeProvider clock)
    {
        if (outcome.Result is { } response && RetryDelays.Requested(response.Headers, clock.GetUtcNow()) is { } asked)
        {
            return asked;
        }

        var backoff = options.BaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        var capped = backoff > options.MaxDelay ? options.MaxDelay : backoff;
        return capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
    }

    /// <summary>Whether a status is worth retrying: 429 and the 5xx family except "not implemented" and "version not supported".</summary>
    /// <param name="status">The response status.</param>
    internal static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));
}
