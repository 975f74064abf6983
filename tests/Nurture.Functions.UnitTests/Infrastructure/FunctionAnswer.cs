using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Nurture.Functions.UnitTests.Infrastructure;

/// <summary>What a function answered.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">The response headers.</param>
/// <param name="ContentType">The content type.</param>
/// <param name="Text">The body.</param>
public sealed record FunctionAnswer(int Status, IHeaderDictionary Headers, string? ContentType, string Text)
{
    /// <summary>The body as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Text).RootElement.Clone();

    /// <summary>The <c>Location</c> header, or null.</summary>
    public string? Location => Headers.Location.FirstOrDefault();
}
