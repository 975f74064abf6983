using Nurture.Core.Journeys.Conditions;

namespace Nurture.Core.Journeys.Model;

/// <summary>
/// An event that ends an instance early because the journey's purpose was met (e.g. the order was placed).
/// </summary>
/// <param name="Name">Short name, recorded as the exit reason.</param>
/// <param name="EventType">The event type that meets the goal.</param>
/// <param name="Filter">Optional condition on the goal event (<c>event.</c>), the entry event (<c>trigger.</c>) and the contact.</param>
/// <param name="Match">Keys whose values must be equal in the entry event and the goal event (e.g. the checkout token).</param>
public sealed record ExitGoal(string Name, string EventType, Condition? Filter = null, IReadOnlyList<KeyMatch>? Match = null);
