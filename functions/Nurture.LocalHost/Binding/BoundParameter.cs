namespace Nurture.LocalHost.Binding;

/// <summary>One parameter of a function method and where its value comes from.</summary>
internal sealed record BoundParameter(string Name, Type Type, ParameterSource Source);
