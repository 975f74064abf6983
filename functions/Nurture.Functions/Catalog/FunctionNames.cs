namespace Nurture.Functions.Catalog;

/// <summary>The names of the app's own functions, one constant each: never repeat a function name as a literal.</summary>
public static class FunctionNames
{
    /// <summary><c>GET /api/health</c>: whether storage is reachable.</summary>
    public const string Health = nameof(Health);

    /// <summary>Queue <c>journey-work</c>: advances one journey instance by one trigger.</summary>
    public const string AdvanceJourney = nameof(AdvanceJourney);

    /// <summary><c>POST /api/journeys/{journeyId}/start</c>: starts a journey for one contact.</summary>
    public const string StartJourney = nameof(StartJourney);

    /// <summary><c>GET /api/journeys/instances/{instanceId}</c>: an instance with its timeline.</summary>
    public const string GetJourneyInstance = nameof(GetJourneyInstance);

    /// <summary><c>GET /api/outbox</c>: what the outbox channel recorded.</summary>
    public const string ListOutbox = nameof(ListOutbox);
}
