using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>The W3C trace context of a local invocation: the current activity's, if any.</summary>
internal sealed class LocalTraceContext : TraceContext
{
    /// <inheritdoc />
    public override string TraceParent { get; } = Activity.Current?.Id ?? string.Empty;

    /// <inheritdoc />
    public override string TraceState { get; } = Activity.Current?.TraceStateString ?? string.Empty;
}
