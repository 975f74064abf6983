namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>
/// The input of one execution of <see cref="JourneyOrchestration"/>: the journey document, the instance state and how
/// many decisions came before. The first execution also carries the decision context the starter loaded at entry, so
/// an entry that sends at once needs no extra activity; <c>ContinueAsNew</c> passes the state on without it.
/// </summary>
/// <remarks>Documents travel as JSON written with <c>JourneyJson.Options</c>, the format they are stored in.</remarks>
/// <param name="DefinitionJson">The journey version the instance runs on.</param>
/// <param name="StateJson">The instance state.</param>
/// <param name="Decisions">Decisions made by earlier executions (numbers the timeline rows).</param>
/// <param name="ContextJson">The decision context for the first decision, or null to load it.</param>
/// <param name="Timing">Retry and history durations; <see cref="JourneyTiming.Default"/> when null.</param>
public sealed record JourneyRun(string DefinitionJson, string StateJson, int Decisions, string? ContextJson = null, JourneyTiming? Timing = null);
