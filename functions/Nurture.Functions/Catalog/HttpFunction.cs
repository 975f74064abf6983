namespace Nurture.Functions.Catalog;

/// <summary>A function started by an HTTP request.</summary>
public sealed record HttpFunction : FunctionDefinition
{
    /// <summary>Declares the function.</summary>
    public HttpFunction(string name, HttpTrigger trigger, HttpFunctionHandler handler)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(handler);
        Http = trigger;
        Handler = handler;
    }

    /// <summary>The HTTP trigger.</summary>
    public HttpTrigger Http { get; }

    /// <summary>The code that answers the request.</summary>
    public HttpFunctionHandler Handler { get; }

    /// <inheritdoc />
    public override FunctionTrigger Trigger => Http;
}
