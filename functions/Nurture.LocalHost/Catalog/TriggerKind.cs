namespace Nurture.LocalHost.Catalog;

/// <summary>The triggers the local host runs, by their <c>functions.metadata</c> binding type.</summary>
public enum TriggerKind
{
    /// <summary><c>httpTrigger</c>: Kestrel.</summary>
    Http,

    /// <summary><c>queueTrigger</c>: the queue listener.</summary>
    Queue,

    /// <summary><c>timerTrigger</c>: the timer scheduler.</summary>
    Timer,

    /// <summary><c>orchestrationTrigger</c>: the Durable engine.</summary>
    Orchestration,

    /// <summary><c>activityTrigger</c>: the Durable engine.</summary>
    Activity,
}
