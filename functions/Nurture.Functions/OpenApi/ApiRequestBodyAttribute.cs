namespace Nurture.Functions.OpenApi;

/// <summary>Declares the request body of an HTTP function for the OpenAPI document.</summary>
/// <param name="body">The body type, as the function reads it.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestBodyAttribute(Type body) : Attribute
{
    /// <summary>The body type.</summary>
    public Type Body { get; } = body ?? throw new ArgumentNullException(nameof(body));

    /// <summary>What the body is.</summary>
    public string? Description { get; init; }

    /// <summary>The media type the function accepts.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Whether a body must be sent.</summary>
    public bool Required { get; init; } = true;
}
