namespace Nurture.LocalHost.Catalog;

/// <summary>Every function the host runs, in metadata order, and whether the Durable engine is needed.</summary>
public sealed class LocalFunctionCatalog
{
    /// <summary>Creates the catalog.</summary>
    public LocalFunctionCatalog(IReadOnlyList<LocalFunction> functions, bool usesDurable)
    {
        ArgumentNullException.ThrowIfNull(functions);
        Functions = functions;
        UsesDurable = usesDurable;
    }

    /// <summary>All functions.</summary>
    public IReadOnlyList<LocalFunction> Functions { get; }

    /// <summary>True when a function is an orchestrator or activity or takes a <c>[DurableClient]</c>.</summary>
    public bool UsesDurable { get; }

    /// <summary>The HTTP functions.</summary>
    public IEnumerable<HttpFunction> Http => Functions.OfType<HttpFunction>();

    /// <summary>The queue functions.</summary>
    public IEnumerable<QueueFunction> Queues => Functions.OfType<QueueFunction>();

    /// <summary>The timer functions.</summary>
    public IEnumerable<TimerFunction> Timers => Functions.OfType<TimerFunction>();

    /// <summary>The orchestrators and activities.</summary>
    public IEnumerable<DurableFunction> Durable => Functions.OfType<DurableFunction>();
}
