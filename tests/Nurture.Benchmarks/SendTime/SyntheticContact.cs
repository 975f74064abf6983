using Nurture.Core.Events;

namespace Nurture.Benchmarks.SendTime;

/// <summary>One generated contact: the truth the oracle scores with, and the events the shop observed.</summary>
/// <param name="Id">Contact id.</param>
/// <param name="Zone">Where they really live.</param>
/// <param name="ProfileZone">The zone their profile holds; null when the shop does not know it.</param>
/// <param name="Routine">Their attention now (after any change of routine).</param>
/// <param name="ReadMinutes">How quickly a message sinks out of sight in their inbox (time constant).</param>
/// <param name="OpenProbability">Chance they open a message they notice.</param>
/// <param name="ClickProbability">Chance they click once they open.</param>
/// <param name="Events">What the shop observed, in time order.</param>
/// <param name="GenuineEngagements">Human engagement events among them (site activity, human opens, clicks).</param>
/// <param name="SendCaused">The ids of the events our sends caused (human opens, clicks and the sessions they led to).</param>
public sealed record SyntheticContact(
    string Id,
    TimeZoneInfo Zone,
    string? ProfileZone,
    Routine Routine,
    double ReadMinutes,
    double OpenProbability,
    double ClickProbability,
    IReadOnlyList<CanonicalEvent> Events,
    int GenuineEngagements,
    IReadOnlySet<string> SendCaused);
