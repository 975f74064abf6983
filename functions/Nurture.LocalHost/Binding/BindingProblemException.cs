namespace Nurture.LocalHost.Binding;

/// <summary>Why a function cannot be bound; the catalog loader prefixes the function's name.</summary>
internal sealed class BindingProblemException(string problem) : Exception(problem);
