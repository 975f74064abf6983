namespace Nurture.Functions.Ingestion;

/// <summary>The 200 answer to a platform's test ping (WooCommerce sends one when a webhook is created).</summary>
/// <param name="Status">Always <c>ready</c>.</param>
public sealed record PingAnswer(string Status)
{
    /// <summary>The answer.</summary>
    public static PingAnswer Ready { get; } = new("ready");
}
