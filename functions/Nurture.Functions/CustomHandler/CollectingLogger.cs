using Microsoft.Extensions.Logging;

namespace Nurture.Functions.CustomHandler;

/// <summary>A logger that writes through to the host's logger and also keeps each line for the invocation's <c>Logs</c>.</summary>
internal sealed class CollectingLogger(ILogger inner) : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        inner.Log(logLevel, eventId, state, exception, formatter);
        if (logLevel == LogLevel.None || !inner.IsEnabled(logLevel))
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
