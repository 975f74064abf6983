using System.Collections.Immutable;
using System.Globalization;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Profiles;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>Stored profiles as journeys read them: an email and a phone, both consented, and a first name.</summary>
public static class TestProfiles
{
    /// <summary>Stores (or completes) the contact's profile.</summary>
    public static Task SeedAsync(ProfileStore profiles, string contactId, string? email = null, string? phone = null, string firstName = "Ana")
    {
        var now = DateTimeOffset.UtcNow;
        var consent = new ConsentState(ConsentStatus.Granted, "test", now.AddDays(-1), null);
        return profiles.UpdateAsync(contactId, profile => profile with
        {
            FirstSeenAt = now.AddDays(-1),
            Emails = ImmutableSortedSet.Create(StringComparer.Ordinal, email ?? contactId + "@example.com"),
            Phones = ImmutableSortedSet.Create(StringComparer.Ordinal, phone ?? PhoneOf(contactId)),
            EmailConsent = consent,
            SmsConsent = consent,
            Attributes = profile.Attributes
                .SetItem(ProfileAttributes.TimeZone, new StampedValue("Etc/GMT", now, "test"))
                .SetItem(ProfileAttributes.FirstName, new StampedValue(firstName, now, "test")),
        });
    }

    /// <summary>A stable phone number for a test contact id.</summary>
    public static string PhoneOf(string contactId) =>
        "+1555" + (contactId.Aggregate(17u, (hash, c) => unchecked((hash * 31) + c)) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
}
