using System.Text.Json.Serialization;

namespace Nurture.Functions.CustomHandler;

/// <summary>What a custom handler answers to an invocation: output bindings, log lines and the return value.</summary>
/// <param name="Outputs">Output binding values by binding name (none for Nurture's functions).</param>
/// <param name="Logs">Lines the handler logged, shown in the Functions host's invocation log.</param>
/// <param name="ReturnValue">The <c>$return</c> value, if any.</param>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);
