using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Tests.SendTime;

/// <summary>Profiles whose send-time model holds a daily routine at a local time, as ingestion would have built it.</summary>
internal static class SeededRoutines
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(60);

    /// <summary>A model with one engagement a day at <paramref name="localTime"/> in <paramref name="zone"/> for the last <paramref name="days"/> days.</summary>
    public static SendTimeModel Daily(TimeZoneInfo zone, TimeOnly localTime, int days, DateTimeOffset now)
    {
        var model = SendTimeModel.Empty;
        for (var day = days; day >= 1; day--)
        {
            model = model.WithEngagement(SendTimeHistory.LocalInstant(zone, day, localTime, now), 1, response: false, HalfLife);
        }

        return model;
    }

    /// <summary>Stores a profile with an email, granted email consent, a zone, tags and the model.</summary>
    public static Task SeedAsync(ProfileStore profiles, string contactId, string? timeZone, SendTimeModel model, params string[] tags)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-90);
        return profiles.UpdateAsync(contactId, p => p with
        {
            FirstSeenAt = at,
            Emails = p.Emails.Add(contactId + "@example.com"),
            EmailConsent = new ConsentState(ConsentStatus.Granted, "test", at, null),
            Tags = tags.Aggregate(p.Tags, (all, tag) => all.SetItem(tag, new ProfileTag(tag, TagSource.Platform, at))),
            Attributes = timeZone is null ? p.Attributes : p.Attributes.SetItem(ProfileAttributes.TimeZone, new StampedValue(timeZone, at, "test")),
            SendTime = model,
        });
    }
}
