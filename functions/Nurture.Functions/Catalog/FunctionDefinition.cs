namespace Nurture.Functions.Catalog;

/// <summary>
/// One function of the set: a unique name, exactly one trigger and the handler both hosts call. Declare each
/// function once, with its name from <c>nameof</c> or a constant, and register it with
/// <see cref="FunctionServiceCollectionExtensions.AddFunction"/>.
/// </summary>
public abstract record FunctionDefinition
{
    private protected FunctionDefinition(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The function's name: its <c>function.json</c> folder and its custom-handler path.</summary>
    public string Name { get; }

    /// <summary>What starts it.</summary>
    public abstract FunctionTrigger Trigger { get; }
}
