using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>Keeps what test hosts log at Information and above, so tests can check what was logged (e.g. a poison reason).</summary>
public sealed class TestLogSink : ILoggerProvider
{
    /// <summary>Every entry at Information or above, from every test host in the process.</summary>
    public static ConcurrentQueue<(string Category, int EventId, string Message)> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class SinkLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Entries.Enqueue((category, eventId.Id, exception is null ? formatter(state, exception) : formatter(state, exception) + Environment.NewLine + exception));
            }
        }
    }
}
