using Microsoft.AspNetCore.Http;

namespace Nurture.LocalHost.Http;

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

    /// <summary>404 for a path no function serves.</summary>
    public static IResult NotFound(string path, string routePrefix) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No function serves this path.",
        detail: routePrefix.Length == 0
            ? $"Nothing is mapped at '{path}'; check the function's route."
            : $"Nothing is mapped at '{path}'; HTTP functions are served under '/{routePrefix}/' (host.json extensions.http.routePrefix).");

    /// <summary>405 for a method the function does not accept.</summary>
    public static IResult MethodNotAllowed(string method, string? allowed) => Results.Problem(
        statusCode: StatusCodes.Status405MethodNotAllowed,
        title: "The function does not accept this method.",
        detail: string.IsNullOrEmpty(allowed) ? $"'{method}' is not accepted here." : $"'{method}' is not accepted here; use {allowed}.");

    /// <summary>413 for a body over the limit.</summary>
    public static IResult PayloadTooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"Send at most {limit} bytes.");

    /// <summary>400 for a route value that does not convert to its parameter's type.</summary>
    public static IResult BadRouteValue(string name, Type type) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "A route value is not valid.",
        detail: $"Route value '{name}' must be a {type.Name}.");

    /// <summary>500 when a function threw; the invocation's log line has the cause.</summary>
    public static IResult FunctionFailed(string functionName) => Results.Problem(
        statusCode: StatusCodes.Status500InternalServerError,
        title: "The function failed.",
        detail: $"Function '{functionName}' failed; its invocation is in the host's log.");
}
