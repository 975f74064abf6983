using Microsoft.Extensions.Options;
using Nurture.Core.SendTime;
using Nurture.Storage;
using Nurture.Storage.SendTime;

namespace Nurture.Functions.SendTime;

/// <summary>
/// The shop's stored send-time pattern, read at most once per <see cref="ShopSendTimeOptions.CacheFor"/> per host:
/// every journey decision and advice needs it, and it changes once an hour.
/// </summary>
public sealed class ShopSendTimes(ShopSendTimeStore store, TimeProvider clock, IOptions<ShopSendTimeOptions> options)
{
    private readonly InitializeOnce _initialization = new();
    private readonly Lock _gate = new();
    private Cached? _cached;

    /// <summary>The store.</summary>
    public ShopSendTimeStore Store => store;

    /// <summary>The pattern, or null before the first build.</summary>
    public async Task<ShopSendTimePattern?> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_cached is { } cached && now - cached.ReadAt < options.Value.CacheFor)
            {
                return cached.Pattern;
            }
        }

        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var pattern = await store.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Remember(pattern, now);
        return pattern;
    }

    /// <summary>Stores a new pattern and serves it from now on in this host.</summary>
    public async Task SaveAsync(ShopSendTimePattern pattern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(pattern, cancellationToken: cancellationToken).ConfigureAwait(false);
        Remember(pattern, clock.GetUtcNow());
    }

    /// <summary>Reads the stored pattern, bypassing the cache (the learner's check for a recent build).</summary>
    public async Task<ShopSendTimePattern?> ReadStoredAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private Task EnsureCreatedAsync(CancellationToken cancellationToken) => _initialization.RunAsync(store.InitializeAsync, cancellationToken);

    private void Remember(ShopSendTimePattern? pattern, DateTimeOffset at)
    {
        lock (_gate)
        {
            _cached = new Cached(pattern, at);
        }
    }

    private sealed record Cached(ShopSendTimePattern? Pattern, DateTimeOffset ReadAt);
}
