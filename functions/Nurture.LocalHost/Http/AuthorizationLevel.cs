namespace Nurture.LocalHost.Http;

/// <summary>The <c>authLevel</c> of an <c>httpTrigger</c> binding that the local host enforces.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key needed.</summary>
    Anonymous,

    /// <summary>The function's own key, the default function key or the master key.</summary>
    Function,

    /// <summary>The master key only.</summary>
    Admin,
}
