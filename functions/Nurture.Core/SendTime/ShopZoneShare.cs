namespace Nurture.Core.SendTime;

/// <summary>One time zone of a shop's contacts and the share of contacts with a known zone who are in it.</summary>
/// <param name="TimeZone">IANA time zone id.</param>
/// <param name="Share">Share of contacts with a known zone, 0 to 1.</param>
public sealed record ShopZoneShare(string TimeZone, double Share);
