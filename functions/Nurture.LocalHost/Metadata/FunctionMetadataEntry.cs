namespace Nurture.LocalHost.Metadata;

/// <summary>One function of <c>functions.metadata</c>, as the Worker SDK writes it.</summary>
/// <param name="Name">The function name (<c>[Function(name)]</c>).</param>
/// <param name="ScriptFile">The app assembly's file name.</param>
/// <param name="EntryPoint">The method: <c>Namespace.Class.Method</c>.</param>
/// <param name="Bindings">The trigger and any other bindings.</param>
public sealed record FunctionMetadataEntry(string Name, string? ScriptFile, string EntryPoint, IReadOnlyList<BindingMetadataEntry> Bindings);
