using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Tests.Support;

/// <summary>Keeps what one test host logs at Information and above, so a test can check what was logged (a poison reason).</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collecting(this, categoryName);

    public bool Contains(int eventId, params string[] fragments) =>
        Entries.Any(e => e.EventId == eventId && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));

    public void Dispose()
    {
    }

    public sealed record LogEntry(LogLevel Level, string Category, int EventId, string Message, Exception? Exception);

    private sealed class Collecting(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Entries.Enqueue(new LogEntry(logLevel, category, eventId.Id, formatter(state, exception), exception));
            }
        }
    }
}
