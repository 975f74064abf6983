using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Nurture.Functions.Http;

/// <summary>
/// An <see cref="IResult"/> (Results.Json, Results.Problem, ...) as the <see cref="IActionResult"/> that the worker's
/// ASP.NET Core integration executes, so handlers keep the minimal-API results they are written with.
/// </summary>
public sealed class ResultAction : IActionResult
{
    private ResultAction(IResult result) => Result = result;

    /// <summary>The result executed.</summary>
    public IResult Result { get; }

    /// <summary>Wraps <paramref name="result"/>.</summary>
    public static IActionResult From(IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ResultAction(result);
    }

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
