namespace Nurture.LocalHost.Durable.Functions;

/// <summary>The Durable trigger a <c>[Function]</c> method binds.</summary>
public enum DurableFunctionKind
{
    /// <summary><c>[OrchestrationTrigger] TaskOrchestrationContext</c>.</summary>
    Orchestrator,

    /// <summary><c>[ActivityTrigger] T input</c>.</summary>
    Activity,
}
