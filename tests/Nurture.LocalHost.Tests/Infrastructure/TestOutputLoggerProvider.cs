using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Infrastructure;

/// <summary>Writes logs to the test's output, so a failing Durable test shows what the engine did, and keeps them for assertions.</summary>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    /// <summary>Every message logged, as "{category}: {message}".</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    private ITestOutputHelper Output { get; } = output;

    public ILogger CreateLogger(string categoryName) => new OutputLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class OutputLogger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            provider.Messages.Enqueue($"{category}: {message}");
            try
            {
                provider.Output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {message}{(exception is null ? string.Empty : " " + exception.GetType().Name + ": " + exception.Message)}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; the engine's background loops may still log while it shuts down.
            }
        }
    }
}
