namespace Nurture.Core.SendTime;

/// <summary>The time zone a contact's send time is chosen in, and where it came from.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="Source">Where it came from.</param>
public sealed record ResolvedZone(TimeZoneInfo Zone, ZoneSource Source);
