namespace Nurture.Functions.Catalog;

/// <summary>Who may call an HTTP function, as in Azure Functions' <c>authLevel</c>.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key needed.</summary>
    Anonymous,

    /// <summary>A function key, a host function key or the master key (<c>x-functions-key</c> or <c>?code=</c>).</summary>
    Function,

    /// <summary>Only the master key.</summary>
    Admin,
}
