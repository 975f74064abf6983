using Nurture.Core.Journeys.Policies;

namespace Nurture.Core.SendTime;

/// <summary>Everything <see cref="SendTimeAdvisor.Choose"/> needs to pick one contact's send time.</summary>
/// <param name="Now">Decision time: the window starts here.</param>
/// <param name="Within">Window length: the choice is in [<paramref name="Now"/>, <paramref name="Now"/> + this] unless every slot in it is quiet or blocked.</param>
/// <param name="Zone">The zone to choose in (see <see cref="SendTimeZones.Resolve"/>).</param>
/// <param name="Model">The contact's model valued at <paramref name="Now"/>; null when the contact has none.</param>
/// <param name="Shop">The shop's pattern; null before one is built (the default curve is used).</param>
/// <param name="QuietHours">Daily local hours to avoid, if any.</param>
/// <param name="Blocked">Intervals a send must avoid (full frequency caps), if any.</param>
/// <param name="ExplorationKey">A stable key for the exploration draw (the message id); null never explores.</param>
/// <param name="ZoneSource">Where <paramref name="Zone"/> came from, for the explanation.</param>
/// <param name="Options">Settings; <see cref="SendTimeOptions.Default"/> when null.</param>
public sealed record SendTimeRequest(
    DateTimeOffset Now,
    TimeSpan Within,
    TimeZoneInfo Zone,
    SendTimeModel? Model = null,
    ShopSendTimePattern? Shop = null,
    QuietHours? QuietHours = null,
    IReadOnlyList<BlockedInterval>? Blocked = null,
    string? ExplorationKey = null,
    ZoneSource ZoneSource = ZoneSource.Profile,
    SendTimeOptions? Options = null);
