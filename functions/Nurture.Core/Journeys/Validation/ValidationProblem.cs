namespace Nurture.Core.Journeys.Validation;

/// <summary>One thing wrong with a journey document.</summary>
/// <param name="Path">Where, as a JSON path into the document (e.g. <c>nodes[2].next</c>).</param>
/// <param name="Message">What is wrong and what to fix.</param>
public sealed record ValidationProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
