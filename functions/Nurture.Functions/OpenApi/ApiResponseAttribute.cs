using Microsoft.AspNetCore.Http;

namespace Nurture.Functions.OpenApi;

/// <summary>
/// Declares one answer of an HTTP function for the OpenAPI document: its status and body type. An error status
/// (400 and up) without a type is an RFC 7807 problem; a success status without a type has no body.
/// </summary>
/// <param name="statusCode">The status code.</param>
/// <param name="body">The body type as <c>ApiJson</c> writes it, or null.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiResponseAttribute(int statusCode, Type? body = null) : Attribute
{
    /// <summary>The status code.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The body type, or null for a problem (error statuses) or no body.</summary>
    public Type? Body { get; } = body;

    /// <summary>What the answer means; the status's reason phrase when not set.</summary>
    public string? Description { get; init; }

    /// <summary>The media type of the body.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Whether the answer carries a <c>Location</c> header.</summary>
    public bool Location { get; init; }

    /// <summary>Whether this answer is an RFC 7807 problem.</summary>
    public bool IsProblem => Body is null && StatusCode >= StatusCodes.Status400BadRequest;
}
