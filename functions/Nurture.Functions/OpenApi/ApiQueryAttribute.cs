namespace Nurture.Functions.OpenApi;

/// <summary>Declares a query string parameter of an HTTP function.</summary>
/// <param name="name">The name as sent.</param>
/// <param name="type">Its type; a string when not given.</param>
public sealed class ApiQueryAttribute(string name, Type? type = null) : ApiParameterAttribute(name, type ?? typeof(string))
{
    /// <inheritdoc />
    public override string In => "query";
}
