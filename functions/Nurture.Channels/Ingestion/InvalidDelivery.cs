namespace Nurture.Channels.Ingestion;

/// <summary>A delivery that cannot be mapped; each error names the field and what is wrong with it.</summary>
/// <param name="Errors">At least one error.</param>
public sealed record InvalidDelivery(IReadOnlyList<MappingError> Errors) : MappingOutcome
{
    /// <summary>A delivery with one error.</summary>
    public InvalidDelivery(string field, string message)
        : this([new MappingError(field, message)])
    {
    }
}
