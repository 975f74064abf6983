using Microsoft.Extensions.Logging;

namespace Nurture.Functions.CustomHandler;

/// <summary>
/// A logger that writes through to the host's logger and also keeps each line at Information or above for the
/// invocation's <c>Logs</c>, which the Functions host shows with the invocation.
/// </summary>
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

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (inner.IsEnabled(logLevel))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }

        if (logLevel is < LogLevel.Information or LogLevel.None)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
