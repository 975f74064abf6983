using System.Globalization;
using System.Text.Json;
using Nurture.Benchmarks.Harness;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Facts;
using Nurture.Storage.Repositories;

namespace Nurture.Benchmarks.Metrics;

/// <summary>
/// A synthetic shop stored as canonical events in the day partitions (through <see cref="EventStore"/>, as ingestion
/// stores them): per contact three orders with two lines each, two product views, an add to cart, two email
/// deliveries, an open and a click naming the journey send they answer; every tenth contact refunds instead of one
/// view. The journey sends themselves are the send ledger's rows, held here in memory.
/// </summary>
public sealed class MetricsShop
{
    private static readonly string[] Categories = ["shoes", "shirts", "bags", "hats", "socks", "coats"];

    private MetricsShop(IReadOnlyList<string> contactIds, IReadOnlyList<SendFact> sends, DateTimeOffset asOf)
    {
        ContactIds = contactIds;
        Sends = sends;
        AsOf = asOf;
    }

    /// <summary>Every contact.</summary>
    public IReadOnlyList<string> ContactIds { get; }

    /// <summary>The journey sends the feedback names.</summary>
    public IReadOnlyList<SendFact> Sends { get; }

    /// <summary>The time the reports are computed at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Stores the plan's events (48 contacts at a time) and returns the shop.</summary>
    public static async Task<MetricsShop> SeedAsync(EventStore events, MetricsPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(plan);
        var asOf = DateTimeOffset.UtcNow;
        var contacts = Enumerable.Range(0, plan.Contacts).Select(i => "c" + i.ToString("D6", CultureInfo.InvariantCulture)).ToArray();
        var sends = new SendFact[plan.Contacts * 2];
        for (var i = 0; i < plan.Contacts; i++)
        {
            for (var s = 0; s < 2; s++)
            {
                var at = At(asOf, plan, i, 10 + s);
                sends[(i * 2) + s] = new SendFact($"m-{i}-{s}", s == 0 ? "welcome" : "win-back", 1, "email_" + s, (i % 2 == 0) ? "a" : "b", MessageChannel.Email, contacts[i], at);
            }
        }

        await ConcurrentLoop.RunAsync(plan.Contacts, 48, async (i, token) =>
        {
            foreach (var evt in EventsOf(contacts[i], i, plan, asOf))
            {
                await events.AppendAsync(contacts[i], evt, token).ConfigureAwait(false);
            }
        }, ct).ConfigureAwait(false);
        return new MetricsShop(contacts, sends, asOf);
    }

    private static IEnumerable<CanonicalEvent> EventsOf(string contactId, int i, MetricsPlan plan, DateTimeOffset asOf)
    {
        var category = Categories[i % Categories.Length];
        var product = "p" + (i % 97).ToString(CultureInfo.InvariantCulture);
        for (var o = 0; o < 3; o++)
        {
            var total = 20m + (i % 50) + (o * 5);
            yield return Event(contactId, i, o, EventTypes.OrderPlaced, At(asOf, plan, i, o * 3), new Dictionary<string, object>
            {
                [EventProperties.OrderId] = $"o-{i}-{o}",
                [EventProperties.Total] = total,
                [EventProperties.Currency] = "EUR",
                [EventProperties.LineItems] = new[]
                {
                    new Dictionary<string, object> { [EventProperties.ProductId] = product, [EventProperties.Category] = category },
                    new Dictionary<string, object> { [EventProperties.ProductId] = "p" + ((i + o) % 31).ToString(CultureInfo.InvariantCulture), [EventProperties.Category] = Categories[(i + o) % Categories.Length] },
                },
            });
        }

        var extra = plan.EventsPerContact - 7;
        for (var v = 0; v < extra; v++)
        {
            yield return v == 0 && i % 10 == 0
                ? Event(contactId, i, 10 + v, EventTypes.RefundCreated, At(asOf, plan, i, 4), new Dictionary<string, object> { [EventProperties.OrderId] = $"o-{i}-1", [EventProperties.RefundAmount] = 5m })
                : Event(contactId, i, 10 + v, v == extra - 1 ? EventTypes.AddedToCart : EventTypes.ProductViewed, At(asOf, plan, i, 5 + v), new Dictionary<string, object> { [EventProperties.ProductId] = product, [EventProperties.Category] = category });
        }

        for (var s = 0; s < 2; s++)
        {
            yield return Feedback(contactId, i, 20 + s, EventTypes.EmailDelivered, At(asOf, plan, i, 10 + s), $"m-{i}-{s}");
        }

        yield return Feedback(contactId, i, 30, EventTypes.EmailOpened, At(asOf, plan, i, 10).AddMinutes(30), $"m-{i}-0");
        yield return Feedback(contactId, i, 31, EventTypes.EmailClicked, At(asOf, plan, i, 10).AddMinutes(35), $"m-{i}-0");
    }

    // Contact i's k-th moment: spread over the plan's days, contacts offset from each other by a prime stride.
    private static DateTimeOffset At(DateTimeOffset asOf, MetricsPlan plan, int i, int k) =>
        asOf.AddHours(-(((i * 37) + (k * 53)) % (plan.Days * 24)) - 1);

    private static CanonicalEvent Feedback(string contactId, int i, int n, string type, DateTimeOffset at, string messageId) =>
        Event(contactId, i, n, type, at, new Dictionary<string, object> { [EventProperties.CustomArgs] = new Dictionary<string, string> { [EventProperties.MessageId] = messageId } });

    private static CanonicalEvent Event(string contactId, int i, int n, string type, DateTimeOffset at, Dictionary<string, object> properties)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"bench-{i}-{n}");
        return new CanonicalEvent(id, type, EventSource.Track, id, at, new ContactIdentity(contactId), JsonSerializer.SerializeToElement(properties));
    }
}
