namespace Nurture.Functions.OpenApi;

/// <summary>Declares one parameter of an HTTP function (query, header or path) for the OpenAPI document.</summary>
/// <param name="name">The parameter's name as sent.</param>
/// <param name="type">Its type (a string, a number, an enum ...), described as <c>ApiJson</c> writes it.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class ApiParameterAttribute(string name, Type type) : Attribute
{
    /// <summary>The name as sent.</summary>
    public string Name { get; } = string.IsNullOrEmpty(name) ? throw new ArgumentException("A parameter needs a name.", nameof(name)) : name;

    /// <summary>The type.</summary>
    public Type Type { get; } = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>What it is for.</summary>
    public string? Description { get; init; }

    /// <summary>Whether it must be sent.</summary>
    public bool Required { get; init; }

    /// <summary>Where it is sent: <c>query</c>, <c>header</c> or <c>path</c>.</summary>
    public abstract string In { get; }
}
