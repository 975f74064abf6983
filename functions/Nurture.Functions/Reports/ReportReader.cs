using Nurture.Core.Metrics;
using Nurture.Storage;
using Nurture.Storage.Metrics;

namespace Nurture.Functions.Reports;

/// <summary>Reads a stored report by kind (<see cref="ReportKinds"/>) for the report endpoints and the dashboard.</summary>
public sealed class ReportReader(ReportStore reports) : IDisposable
{
    private readonly InitializeOnce _initialization = new();

    /// <summary>The stored report of that kind, as its type, or null before its first computation.</summary>
    /// <typeparam name="T">The report type the kind's timer stores.</typeparam>
    /// <param name="kind">The kind.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<T?> ReadAsync<T>(string kind, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        await _initialization.RunAsync(reports.InitializeAsync, cancellationToken).ConfigureAwait(false);
        var stored = await reports.GetAsync(kind, cancellationToken: cancellationToken).ConfigureAwait(false);
        return stored is null ? null : MetricsJson.Deserialize<T>(stored.Json);
    }

    /// <inheritdoc />
    public void Dispose() => _initialization.Dispose();
}
