namespace Nurture.Core.Journeys.Decider;

/// <summary>What executing a node leads to: stop (waiting or ended) or go on to the next node.</summary>
/// <param name="GoOn">Whether to continue.</param>
/// <param name="Next">The next node (null ends the journey).</param>
internal readonly record struct NodeStep(bool GoOn, string? Next)
{
    public static NodeStep Stop => new(false, null);

    public static NodeStep Go(string? next) => new(true, next);
}
