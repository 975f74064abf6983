namespace Nurture.LocalHost.Binding;

/// <summary>A route value that does not convert to its parameter's type: the caller's mistake (400), not the function's.</summary>
internal sealed class RouteValueException(string name, Type type)
    : Exception($"Route value '{name}' is not a valid {type.Name}.")
{
    /// <summary>The route parameter.</summary>
    public string Name { get; } = name;

    /// <summary>The type it should convert to.</summary>
    public Type Type { get; } = type;
}
