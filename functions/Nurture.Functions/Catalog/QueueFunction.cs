namespace Nurture.Functions.Catalog;

/// <summary>A function started by a queue message.</summary>
public sealed record QueueFunction : FunctionDefinition
{
    /// <summary>Declares the function.</summary>
    public QueueFunction(string name, QueueTrigger trigger, QueueFunctionHandler handler)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(handler);
        Queue = trigger;
        Handler = handler;
    }

    /// <summary>The queue trigger.</summary>
    public QueueTrigger Queue { get; }

    /// <summary>The code that processes one message; an exception fails the attempt and the message is retried.</summary>
    public QueueFunctionHandler Handler { get; }

    /// <inheritdoc />
    public override FunctionTrigger Trigger => Queue;
}
