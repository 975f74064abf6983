using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Functions.Http;

/// <summary>
/// The one JSON shape of the HTTP API, for every request and response body it owns: snake_case names, enum values as
/// snake_case strings (never numbers), nulls left out. The journey documents use the same shape, so a document reads
/// the same inside an answer as on its own.
/// </summary>
/// <remarks>
/// The options are a copy of <see cref="JourneyJson.Options"/> (so documents serialize byte for byte as they are
/// stored) with strict number reading: a count or a version is a JSON number, and the OpenAPI schemas generated from
/// these options say so. Problem answers (RFC 7807) keep ASP.NET Core's own writer; their member names are single
/// words either way.
/// </remarks>
public static class ApiJson
{
    /// <summary>The options every body of the API is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>A JSON answer written with <see cref="Options"/>, with a <c>Location</c> header when one is given.</summary>
    /// <typeparam name="T">The declared body type (its contract is the one the OpenAPI document describes).</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="location">The <c>Location</c> header, or null for none.</param>
    public static IResult Result<T>(T value, int statusCode = StatusCodes.Status200OK, string? location = null) =>
        new ApiJsonResult<T>(value, statusCode, location);

    /// <summary>The wire name of an enum value (<c>waiting_for_event</c> for <c>WaitingForEvent</c>).</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="value">The value.</param>
    public static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonSerializer.SerializeToElement(value, Options).GetString()!;

    /// <summary>Every wire name of an enum, in declaration order (for error messages that list what is accepted).</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    public static IReadOnlyList<string> EnumNames<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(EnumName)];

    /// <summary>Reads an enum value from its wire name, or (as before there was one casing) its C# name in any case.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="text">The text, e.g. a query string value.</param>
    /// <param name="value">The value, when the text names one.</param>
    public static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(EnumName(candidate), text, StringComparison.Ordinal)
                || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JourneyJson.Options)
        {
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
