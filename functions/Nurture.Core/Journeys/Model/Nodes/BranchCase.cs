using Nurture.Core.Journeys.Conditions;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>One case of a branch.</summary>
/// <param name="When">The condition on the contact and events.</param>
/// <param name="Next">Where to go when it holds; null ends the journey.</param>
public sealed record BranchCase(Condition When, string? Next);
