namespace Nurture.Functions.OpenApi;

/// <summary>Declares a request header an HTTP function reads (a signature, a topic, an idempotency key).</summary>
/// <param name="name">The header name.</param>
/// <param name="type">Its type; a string when not given.</param>
public sealed class ApiHeaderAttribute(string name, Type? type = null) : ApiParameterAttribute(name, type ?? typeof(string))
{
    /// <inheritdoc />
    public override string In => "header";
}
