using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Storage.Repositories;

namespace Nurture.Benchmarks.Runtime;

/// <summary>
/// The runtime suite's no-op work on the real app: <c>ProcessInboundEvent</c> given a delivery with no body skips it
/// (no storage request) and logs the skip with the delivery id. The id carries the send timestamp, so this log sink
/// sees each invocation and how long after its enqueue it began.
/// </summary>
internal sealed class InvocationProbe : ILoggerProvider, ILogger
{
    private const int BodyGoneEventId = 4104;
    private const string Prefix = "bench-";
    private readonly ConcurrentQueue<double> _latencies = new();
    private int _arrived;

    /// <summary>Invocations seen so far.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    /// <summary>A body-less delivery stamped with the current time, as the queue message text.</summary>
    public static string StampedMessage() => InboundQueue.Serialize(new InboundDelivery(
        Prefix + Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture),
        EventSource.Shopify,
        "orders/create",
        DateTimeOffset.UtcNow,
        new Dictionary<string, string>(),
        null,
        null));

    /// <summary>The enqueue-to-invocation latencies recorded since the last call, in milliseconds.</summary>
    public List<double> TakeLatencies()
    {
        var taken = new List<double>();
        while (_latencies.TryDequeue(out var ms))
        {
            taken.Add(ms);
        }

        return taken;
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != BodyGoneEventId || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        foreach (var (_, value) in values)
        {
            if (value is string id && id.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(id.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
            {
                _latencies.Enqueue(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                Interlocked.Increment(ref _arrived);
                return;
            }
        }
    }

    public void Dispose()
    {
    }
}
