using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Benchmarks.SendTime;

/// <summary>
/// Generates a synthetic shop whose contacts' true attention is known: routines in local time across several
/// zones, sparse and rich histories, identified storefront sessions and orders that follow attention, past
/// campaigns all sent at 10:00 in the shop's zone with opens and clicks that follow those sends, privacy-proxy
/// machine opens (a few unflagged), and a share of contacts who changed routine. Deterministic per seed; contact
/// i is the same whatever the population size.
/// </summary>
public static partial class PopulationGenerator
{
    private static readonly JsonElement NoProperties = JsonSerializer.SerializeToElement(new { });
    private static readonly JsonElement MachineOpen = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [EventProperties.MachineOpen] = true });
    private static readonly JsonElement HumanOpen = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [EventProperties.MachineOpen] = false });
    private static readonly JsonElement FromEmail = JsonSerializer.SerializeToElement(new Dictionary<string, string> { [EventProperties.Url] = EmailReferredUrl });

    /// <summary>The landing URL of a session that began with a click in one of our emails (analytics tell such traffic apart).</summary>
    public const string EmailReferredUrl = "https://shop.example/?utm_medium=email";

    /// <summary>The population for <paramref name="settings"/>.</summary>
    public static SyntheticPopulation Generate(PopulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var campaigns = CampaignTimes(settings);
        var contacts = new SyntheticContact[settings.Contacts];
        for (var i = 0; i < contacts.Length; i++)
        {
            contacts[i] = GenerateContact(settings, i, campaigns);
        }

        return new SyntheticPopulation(settings, contacts, campaigns);
    }

    /// <summary>Tuesdays and Thursdays at 10:00 in the shop's zone, and every other Saturday.</summary>
    private static List<DateTimeOffset> CampaignTimes(PopulationSettings settings)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.ShopZone);
        var times = new List<DateTimeOffset>();
        var start = DateOnly.FromDateTime((settings.HistoryEnd - TimeSpan.FromDays(settings.HistoryDays)).UtcDateTime);
        for (var day = 0; day < settings.HistoryDays; day++)
        {
            var date = start.AddDays(day);
            if (date.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday || (date.DayOfWeek == DayOfWeek.Saturday && day / 7 % 2 == 0))
            {
                var local = date.ToDateTime(new TimeOnly(10, 0));
                var at = new DateTimeOffset(local, zone.GetUtcOffset(local));
                if (at < settings.HistoryEnd)
                {
                    times.Add(at.ToUniversalTime());
                }
            }
        }

        return times;
    }

    private static SyntheticContact GenerateContact(PopulationSettings settings, int index, IReadOnlyList<DateTimeOffset> campaigns)
    {
        var random = new Random(unchecked((settings.Seed * 1_000_003) + index));
        var id = "c" + index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var zoneId = Draw(random, settings.Zones);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var known = random.NextDouble() < settings.KnownZoneShare;
        var checks = settings.MedianChecksPerDay * Math.Exp(0.5 * RoutineArchetypes.Gaussian(random));
        var (name, peaks) = RoutineArchetypes.Sample(random);
        var routine = new Routine(name, peaks, checks);
        var start = settings.HistoryEnd - TimeSpan.FromDays(settings.HistoryDays);
        var before = routine;
        var changedAt = DateTimeOffset.MinValue;
        if (random.NextDouble() < settings.DriftShare)
        {
            var (newName, newPeaks) = RoutineArchetypes.Sample(random, except: name);
            routine = new Routine(newName, newPeaks, checks);
            changedAt = start + (TimeSpan.FromDays(settings.HistoryDays) * random.NextDouble());
        }

        var dormant = random.NextDouble() < settings.DormantShare;
        var life = new ContactLife(id, zone, random, at => at < changedAt ? before : routine)
        {
            ReadMinutes = 120 + (240 * random.NextDouble()),
            OpenProbability = (dormant ? 0.3 : 1) * 0.7 * random.NextDouble() * random.NextDouble(),
            ClickProbability = 0.1 + (0.3 * random.NextDouble()),
            PrivacyProxy = random.NextDouble() < settings.PrivacyProxyShare,
        };
        if (known)
        {
            life.Add(EventTypes.CustomerUpdated, start, JsonSerializer.SerializeToElement(new Dictionary<string, string> { [EventProperties.TimeZone] = zoneId }), EventSource.Shopify, genuine: false);
        }

        var sessionsPerDay = (dormant ? 0.1 : 1) * settings.MedianSessionsPerDay * Math.Exp(settings.SessionsSigma * RoutineArchetypes.Gaussian(random));
        Sessions(life, start, settings.HistoryEnd, sessionsPerDay);
        if (random.NextDouble() < settings.SubscribedShare)
        {
            foreach (var campaign in campaigns)
            {
                Campaign(life, campaign, settings);
            }
        }

        var events = life.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
        return new SyntheticContact(id, zone, known ? zoneId : null, routine, life.ReadMinutes, life.OpenProbability, life.ClickProbability, events, life.Genuine, life.SendCaused);
    }

    /// <summary>Identified storefront sessions, at a rate proportional to attention (thinning a Poisson process).</summary>
    private static void Sessions(ContactLife life, DateTimeOffset from, DateTimeOffset until, double perDay)
    {
        var perCheck = perDay / life.RoutineAt(until).ChecksPerDay;
        var max = Math.Max(life.RoutineAt(from).MaxRate, life.RoutineAt(until).MaxRate) * perCheck;
        for (var at = from + Exponential(life.Random, max); at < until; at += Exponential(life.Random, max))
        {
            if (life.Random.NextDouble() * max < life.RateAt(at) * perCheck)
            {
                Session(life, at, orderChance: 0.04, fromEmail: false);
            }
        }
    }

    private static void Session(ContactLife life, DateTimeOffset at, double orderChance, bool fromEmail)
    {
        var random = life.Random;
        var pages = 1 + Poisson(random, 1.5);
        for (var i = 0; i < pages; i++)
        {
            life.Add(EventTypes.PageViewed, at + TimeSpan.FromMinutes(i == 0 ? 0 : 15 * random.NextDouble()), i == 0 && fromEmail ? FromEmail : NoProperties, EventSource.Track);
        }

        for (var i = Poisson(random, 0.8); i > 0; i--)
        {
            life.Add(EventTypes.ProductViewed, at + TimeSpan.FromMinutes(15 * random.NextDouble()), NoProperties, EventSource.Track);
        }

        if (random.NextDouble() < 0.12)
        {
            life.Add(EventTypes.AddedToCart, at + TimeSpan.FromMinutes(5 + (10 * random.NextDouble())), NoProperties, EventSource.Track);
            if (random.NextDouble() < 0.4)
            {
                life.Add(EventTypes.CheckoutStarted, at + TimeSpan.FromMinutes(10 + (10 * random.NextDouble())), NoProperties, EventSource.Shopify);
            }
        }

        if (random.NextDouble() < orderChance)
        {
            life.Add(EventTypes.OrderPlaced, at + TimeSpan.FromMinutes(10 + (20 * random.NextDouble())), NoProperties, EventSource.Shopify);
        }
    }

    private static TimeSpan Exponential(Random random, double ratePerHour) =>
        TimeSpan.FromHours(-Math.Log(1 - random.NextDouble()) / ratePerHour);

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            count++;
        }

        return count;
    }

    private static string Draw(Random random, IReadOnlyList<(string Zone, double Share)> shares)
    {
        var draw = random.NextDouble() * shares.Sum(s => s.Share);
        foreach (var (zone, share) in shares)
        {
            draw -= share;
            if (draw < 0)
            {
                return zone;
            }
        }

        return shares[^1].Zone;
    }
}
