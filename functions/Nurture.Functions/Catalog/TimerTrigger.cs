namespace Nurture.Functions.Catalog;

/// <summary>A timer trigger: a 6-field NCRONTAB schedule (<c>sec min hour day month day-of-week</c>).</summary>
/// <param name="Schedule">The schedule or a <c>%Setting%</c> expression.</param>
/// <param name="RunOnStartup">Also run once whenever the host starts.</param>
/// <param name="UseMonitor">
/// Persist last/next occurrences so a run missed while the app was down fires at start as past due; null
/// takes the Functions default: on, unless the schedule fires more than once a minute.
/// </param>
public sealed record TimerTrigger(string Schedule, bool RunOnStartup = false, bool? UseMonitor = null) : FunctionTrigger
{
    /// <summary>The <c>function.json</c> binding type.</summary>
    public const string Type = "timerTrigger";

    /// <inheritdoc />
    public override string BindingType => Type;
}
