namespace Nurture.Functions.Catalog;

/// <summary>A function started on a schedule.</summary>
public sealed record TimerFunction : FunctionDefinition
{
    /// <summary>Declares the function.</summary>
    public TimerFunction(string name, TimerTrigger trigger, TimerFunctionHandler handler)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(handler);
        Timer = trigger;
        Handler = handler;
    }

    /// <summary>The timer trigger.</summary>
    public TimerTrigger Timer { get; }

    /// <summary>The code that runs at each occurrence; an exception is logged and the schedule continues.</summary>
    public TimerFunctionHandler Handler { get; }

    /// <inheritdoc />
    public override FunctionTrigger Trigger => Timer;
}
