namespace Nurture.Functions.Catalog;

/// <summary>An HTTP trigger: a route under the host's route prefix, the methods it answers and its auth level.</summary>
/// <param name="Route">Route template below the prefix (ASP.NET Core syntax, e.g. <c>journeys/{id}</c>); null uses the function name.</param>
/// <param name="Methods">HTTP methods, upper case; empty answers every method.</param>
/// <param name="AuthLevel">Key needed to call it.</param>
public sealed record HttpTrigger(string? Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel) : FunctionTrigger
{
    /// <summary>The <c>function.json</c> binding type.</summary>
    public const string Type = "httpTrigger";

    /// <inheritdoc />
    public override string BindingType => Type;

    /// <summary>Equality that compares the methods by content.</summary>
    public bool Equals(HttpTrigger? other) =>
        other is not null && Route == other.Route && AuthLevel == other.AuthLevel && Methods.SequenceEqual(other.Methods);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Route, AuthLevel, Methods.Count);
}
