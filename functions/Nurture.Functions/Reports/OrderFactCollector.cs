using Nurture.Channels.Feedback;
using Nurture.Core.Events;
using Nurture.Core.Metrics.Mapping;
using Nurture.Core.Metrics.Scoring;
using Nurture.Functions.Delivery;
using Nurture.Functions.Ingestion;

namespace Nurture.Functions.Reports;

/// <summary>
/// Copies the order, refund, cancellation and channel feedback facts of a range of UTC days from the day partitions to
/// the fact store, so a report run reads only the days since its watermark and the stored facts hold the rest.
/// </summary>
/// <remarks>
/// Feedback names its message by our id (SendGrid's custom args, the Twilio callback URL) or only by the provider's
/// (a status callback without ours): that one is looked up in the index the send wrote.
/// </remarks>
public sealed class OrderFactCollector(IngestionStorage ingestion, SendStatusStore statuses)
{
    /// <summary>Reads every day from <paramref name="from"/> through <paramref name="through"/>; returns the days read and facts stored.</summary>
    public Task<(int Days, int Facts)> CollectAsync(DateOnly from, DateOnly through, CancellationToken cancellationToken) =>
        CollectAsync(from, through, touched: null, storedAfter: null, cancellationToken);

    /// <summary>
    /// As <see cref="CollectAsync(DateOnly, DateOnly, CancellationToken)"/>, also adding to <paramref name="touched"/> every contact
    /// with an event in those days stored after <paramref name="storedAfter"/> (all of them when null; Nurture's own
    /// lifecycle events excepted: scoring wrote them).
    /// </summary>
    public async Task<(int Days, int Facts)> CollectAsync(DateOnly from, DateOnly through, ISet<string>? touched, DateTimeOffset? storedAfter, CancellationToken cancellationToken)
    {
        var (days, facts) = (0, 0);
        var store = ingestion.MetricFacts;
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            days++;
            await foreach (var stored in ingestion.Events.ReadDayAsync(day, cancellationToken).ConfigureAwait(false))
            {
                var (contactId, evt) = (stored.ContactId, stored.Event);
                if (contactId.Length == 0)
                {
                    continue;
                }

                if (touched is not null && evt.Type != StageChange.EventType && (storedAfter is null || stored.StoredAt is not { } at || at > storedAfter))
                {
                    touched.Add(contactId);
                }

                if (MetricFactMapper.Order(evt, contactId) is { } order)
                {
                    await store.AddAsync(contactId, order, cancellationToken).ConfigureAwait(false);
                    facts++;
                }
                else if (MetricFactMapper.Refund(evt) is { } refund)
                {
                    await store.AddAsync(contactId, refund, cancellationToken).ConfigureAwait(false);
                    facts++;
                }
                else if (MetricFactMapper.Cancellation(evt) is { } cancellation)
                {
                    await store.AddAsync(contactId, cancellation, cancellationToken).ConfigureAwait(false);
                    facts++;
                }
                else if (MetricFactMapper.Feedback(evt, contactId) is { } feedback)
                {
                    if (feedback.MessageId is null && await MessageIdAsync(evt, cancellationToken).ConfigureAwait(false) is { } messageId)
                    {
                        feedback = feedback with { MessageId = messageId };
                    }

                    await store.AddAsync(contactId, feedback, cancellationToken).ConfigureAwait(false);
                    facts++;
                }
            }
        }

        return (days, facts);
    }

    private async Task<string?> MessageIdAsync(CanonicalEvent evt, CancellationToken cancellationToken) => DeliveryFeedbackMapper.From(evt) switch
    {
        null => null,
        { MessageId: { Length: > 0 } ours } => ours,
        var delivery => await statuses.FindMessageIdAsync(delivery.ProviderMessageId, cancellationToken).ConfigureAwait(false),
    };
}
