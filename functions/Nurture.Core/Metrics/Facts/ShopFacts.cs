namespace Nurture.Core.Metrics.Facts;

/// <summary>
/// One shop's facts, gathered in a single pass over whatever rows the timer reads, deduped by id. The
/// retention, campaign and scoring computations then read from it.
/// </summary>
/// <remarks>
/// Facts arrive in any order and more than once (at-least-once delivery, overlapping reads). Each kind is
/// keyed by its id; when two facts share an id, the same one is kept whichever came first (the earliest,
/// then a fixed tie-break), so the reports never depend on reading order.
/// </remarks>
public sealed partial class ShopFacts
{
    private readonly Dictionary<string, OrderFact> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefundFact> _refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CancellationFact> _cancellations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SendFact> _sends = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FeedbackFact> _feedback = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JourneyEntryFact> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Instance, string Node), SplitAssignmentFact> _assignments = new();
    private readonly Dictionary<string, Dictionary<string, InterestSignal>> _interests = new(StringComparer.Ordinal);

    /// <summary>How many facts were ignored as repeats of an id already held.</summary>
    public int DuplicatesIgnored { get; private set; }

    /// <summary>Orders by id.</summary>
    public IReadOnlyDictionary<string, OrderFact> Orders => _orders;

    /// <summary>Refunds by id.</summary>
    public IReadOnlyDictionary<string, RefundFact> Refunds => _refunds;

    /// <summary>Cancellations by order id.</summary>
    public IReadOnlyDictionary<string, CancellationFact> Cancellations => _cancellations;

    /// <summary>Sends by message id.</summary>
    public IReadOnlyDictionary<string, SendFact> Sends => _sends;

    /// <summary>Feedback by id.</summary>
    public IReadOnlyDictionary<string, FeedbackFact> Feedback => _feedback;

    /// <summary>Journey entries by instance id.</summary>
    public IReadOnlyDictionary<string, JourneyEntryFact> Entries => _entries;

    /// <summary>Split assignments by (instance, split node).</summary>
    public IReadOnlyDictionary<(string Instance, string Node), SplitAssignmentFact> Assignments => _assignments;

    /// <summary>Adds an order; false when its id was already held.</summary>
    public bool Add(OrderFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        return Keep(_orders, fact.OrderId, fact, static (a, b) =>
        {
            var c = a.PlacedAt.CompareTo(b.PlacedAt);
            c = c != 0 ? c : b.Total.CompareTo(a.Total);
            c = c != 0 ? c : string.CompareOrdinal(a.Currency, b.Currency);
            return c != 0 ? c : string.CompareOrdinal(a.ContactId, b.ContactId);
        });
    }

    /// <summary>Adds a refund; false when its id was already held.</summary>
    public bool Add(RefundFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        return Keep(_refunds, fact.RefundId, fact, static (a, b) =>
        {
            var c = a.RefundedAt.CompareTo(b.RefundedAt);
            c = c != 0 ? c : b.Amount.CompareTo(a.Amount);
            return c != 0 ? c : string.CompareOrdinal(a.OrderId, b.OrderId);
        });
    }

    /// <summary>Adds a cancellation; false when the order's cancellation was already held (the earliest is kept).</summary>
    public bool Add(CancellationFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        return Keep(_cancellations, fact.OrderId, fact, static (a, b) => a.CancelledAt.CompareTo(b.CancelledAt));
    }

    /// <summary>Adds a send; false when its message id was already held.</summary>
    public bool Add(SendFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        return Keep(_sends, fact.MessageId, fact, static (a, b) => a.SentAt.CompareTo(b.SentAt));
    }

    /// <summary>Adds delivery feedback; false when its id was already held.</summary>
    public bool Add(FeedbackFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        return Keep(_feedback, fact.FeedbackId, fact, static (a, b) => a.At.CompareTo(b.At));
    }

    /// <summary>Adds a journey entry; false when its instance was already held.</summary>
    public bool Add(JourneyEntryFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        return Keep(_entries, fact.InstanceId, fact, static (a, b) => a.EnteredAt.CompareTo(b.EnteredAt));
    }

    /// <summary>Adds a split assignment; false when the instance's assignment at that node was already held.</summary>
    public bool Add(SplitAssignmentFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        return Keep(_assignments, (fact.InstanceId, fact.SplitNodeId), fact, static (a, b) =>
        {
            var c = a.AssignedAt.CompareTo(b.AssignedAt);
            return c != 0 ? c : string.CompareOrdinal(a.Variant, b.Variant);
        });
    }

    /// <summary>Adds an interest signal for a contact; false when its id was already held.</summary>
    public bool Add(string contactId, InterestSignal signal)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentException.ThrowIfNullOrEmpty(signal.SignalId);
        if (!_interests.TryGetValue(contactId, out var signals))
        {
            signals = new Dictionary<string, InterestSignal>(StringComparer.Ordinal);
            _interests.Add(contactId, signals);
        }

        return Keep(signals, signal.SignalId, signal, static (a, b) => a.At.CompareTo(b.At));
    }

    /// <summary>A contact's interest signals (deduped, in no particular order).</summary>
    public IReadOnlyCollection<InterestSignal> InterestsOf(string contactId) =>
        _interests.TryGetValue(contactId, out var signals) ? signals.Values : [];

    /// <summary>The contacts with interest signals.</summary>
    public IEnumerable<string> ContactsWithInterests => _interests.Keys;

    private bool Keep<TKey, TFact>(Dictionary<TKey, TFact> store, TKey key, TFact fact, Comparison<TFact> preferFirst)
        where TKey : notnull
    {
        if (!store.TryGetValue(key, out var held))
        {
            store.Add(key, fact);
            return true;
        }

        DuplicatesIgnored++;
        if (preferFirst(fact, held) < 0)
        {
            store[key] = fact;
        }

        return false;
    }
}
