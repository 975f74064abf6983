namespace Nurture.LocalHost.Binding;

/// <summary>What an HTTP function's (awaited) return value is, and so how its response is written.</summary>
internal enum HttpReturnKind
{
    /// <summary>Nothing: the response is what the function wrote on the <c>HttpContext</c>.</summary>
    None,

    /// <summary>An MVC <see cref="Microsoft.AspNetCore.Mvc.IActionResult"/>, executed with an <c>ActionContext</c>.</summary>
    ActionResult,

    /// <summary>A minimal-API <see cref="Microsoft.AspNetCore.Http.IResult"/>.</summary>
    Result,
}
