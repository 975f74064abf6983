namespace Nurture.LocalHost.Http;

/// <summary>The outcome of checking a request's function key.</summary>
public enum FunctionKeyCheck
{
    /// <summary>The request may call the function.</summary>
    Allowed,

    /// <summary>No key was sent.</summary>
    Missing,

    /// <summary>A key was sent but does not open this function.</summary>
    Invalid,
}
