namespace Nurture.Functions.OpenApi;

/// <summary>
/// Describes a route parameter of an HTTP function. Every <c>{name}</c> of the route is a required path parameter
/// anyway (a string); declare it to give it another type or a description.
/// </summary>
/// <param name="name">The route parameter's name.</param>
/// <param name="type">Its type; a string when not given.</param>
public sealed class ApiPathAttribute(string name, Type? type = null) : ApiParameterAttribute(name, type ?? typeof(string))
{
    /// <inheritdoc />
    public override string In => "path";
}
