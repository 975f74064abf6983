namespace Nurture.Functions.Catalog;

/// <summary>
/// What starts a function: a closed set of trigger kinds (<see cref="HttpTrigger"/>, <see cref="QueueTrigger"/>,
/// <see cref="TimerTrigger"/>). Values may hold <c>%Setting%</c> binding expressions, resolved from configuration
/// by <see cref="FunctionCatalog"/> the way the Functions host does.
/// </summary>
public abstract record FunctionTrigger
{
    private protected FunctionTrigger()
    {
    }

    /// <summary>The binding type written to <c>function.json</c> (<c>httpTrigger</c>, <c>queueTrigger</c>, <c>timerTrigger</c>).</summary>
    public abstract string BindingType { get; }
}
