namespace Nurture.Storage.Journeys;

/// <summary>Names of the journey tables; a prefix lets tests (and side-by-side deployments) keep their own.</summary>
/// <param name="Prefix">Prefix of every table name (letters and digits only).</param>
public sealed record JourneyStorageNames(string Prefix = JourneyStorageNames.DefaultPrefix)
{
    /// <summary>The prefix the app uses.</summary>
    public const string DefaultPrefix = "Nurture";

    /// <summary>The app's names.</summary>
    public static JourneyStorageNames Default { get; } = new();

    /// <summary>Drafts and published versions: partition per journey.</summary>
    public string Definitions => Prefix + "JourneyDefinitions";

    /// <summary>One row per journey (latest version, entry event type, paused), for the event router.</summary>
    public string Catalog => Prefix + "JourneyCatalog";

    /// <summary>Instance state and history: partition per instance.</summary>
    public string Instances => Prefix + "JourneyInstances";

    /// <summary>Instances per contact (live flag), for event routing and re-entry rules.</summary>
    public string ContactInstances => Prefix + "JourneyContactInstances";

    /// <summary>The send ledger: partition per message id.</summary>
    public string SendLedger => Prefix + "SendLedger";

    /// <summary>Sends per contact, for frequency caps.</summary>
    public string SendsByContact => Prefix + "SendsByContact";

    /// <summary>The minimal contact view journeys read until the profile store provides it.</summary>
    public string Contacts => Prefix + "JourneyContacts";

    /// <summary>Batch starts: progress and stored lists.</summary>
    public string Batches => Prefix + "JourneyBatches";
}
