using System.Text.Json;
using Nurture.Core.Profiles;

namespace Nurture.Core.Tests.Profiles;

/// <summary>A comparable rendering of a profile (collections by value, send-time weights rounded, event-id memory left out).</summary>
internal static class ProfileSnapshot
{
    public static string Of(ContactProfile profile) => JsonSerializer.Serialize(new
    {
        profile.ContactId,
        profile.FirstSeenAt,
        profile.CustomerIds,
        profile.Emails,
        profile.Phones,
        Attributes = profile.Attributes.ToDictionary(a => a.Key, a => a.Value),
        profile.Orders,
        profile.Orders.TotalSpent,
        profile.Orders.AverageOrderValue,
        Tags = profile.Tags.ToDictionary(t => t.Key, t => t.Value),
        profile.EmailConsent,
        profile.SmsConsent,
        EmailGroups = profile.EmailGroups.ToDictionary(g => g.Key, g => g.Value),
        SendTime = new
        {
            EngagementKeys = profile.SendTime.Engagement.Keys.ToArray(),
            Engagement = profile.SendTime.Engagement.Values.Select(b => Math.Round(b, 9)).ToArray(),
            DeliveryKeys = profile.SendTime.Deliveries.Keys.ToArray(),
            Deliveries = profile.SendTime.Deliveries.Values.Select(b => Math.Round(b, 9)).ToArray(),
            ResponseWeight = Math.Round(profile.SendTime.ResponseWeight, 9),
            profile.SendTime.EngagementCount,
            profile.SendTime.DeliveryCount,
            profile.SendTime.Since,
            profile.SendTime.AsOf,
            ObservedHours = Math.Round(profile.SendTime.ObservedHours, 6),
        },
        profile.LastActivityAt,
    });
}
