using Microsoft.AspNetCore.Http;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Http;

/// <summary>The RFC 7807 problem+json answers of the HTTP host, each saying what to fix.</summary>
public static class Problems
{
    /// <summary>401 for a missing or wrong key.</summary>
    public static IResult Unauthorized(FunctionKeyCheck check, AuthorizationLevel level) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: check == FunctionKeyCheck.Missing ? "A function key is required." : "The function key is not valid for this function.",
        detail: level == AuthorizationLevel.Admin
            ? $"Send the master key in the '{FunctionKeyAuthorizer.KeyHeader}' header or the '{FunctionKeyAuthorizer.KeyQueryParameter}' query parameter."
            : $"Send a function key in the '{FunctionKeyAuthorizer.KeyHeader}' header or the '{FunctionKeyAuthorizer.KeyQueryParameter}' query parameter.");

    /// <summary>413 for a body over the limit.</summary>
    public static IResult PayloadTooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"Send at most {limit} bytes.");

    /// <summary>500 when a handler threw; the log line of the invocation has the cause.</summary>
    public static IResult FunctionFailed(string functionName) => Results.Problem(
        statusCode: StatusCodes.Status500InternalServerError,
        title: "The function failed.",
        detail: $"Function '{functionName}' failed; its invocation is in the host's log.");
}
