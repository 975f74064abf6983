using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nurture.LocalHost.Tests.Support;

/// <summary>Test output for class fixtures, which get no <see cref="ITestOutputHelper"/>: xunit's diagnostic messages.</summary>
public sealed class SinkOutput(IMessageSink sink) : ITestOutputHelper
{
    public void WriteLine(string message) => sink.OnMessage(new DiagnosticMessage(message));

    public void WriteLine(string format, params object[] args) => sink.OnMessage(new DiagnosticMessage(format, args));
}
