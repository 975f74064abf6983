namespace Nurture.Core.Metrics.Campaigns;

/// <summary>One side of a split (a variant or the holdout), over assignments whose observation window has closed.</summary>
/// <param name="Variant">The variant, or <c>holdout</c>.</param>
/// <param name="Contacts">Assignments (instances) observed.</param>
/// <param name="Converted">Of which with a purchase within the window after assignment.</param>
/// <param name="Revenue">Net revenue of those purchases.</param>
public sealed record SplitGroup(string Variant, int Contacts, int Converted, decimal Revenue)
{
    /// <summary>Converted over contacts.</summary>
    public double? ConversionRate => Contacts == 0 ? null : (double)Converted / Contacts;

    /// <summary>Revenue per contact, to the cent.</summary>
    public decimal? RevenuePerContact => Contacts == 0 ? null : decimal.Round(Revenue / Contacts, 2, MidpointRounding.ToEven);
}
