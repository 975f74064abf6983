using Azure.Data.Tables;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Facts;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Metrics;

public sealed partial class MetricFactStore
{
    /// <summary>Stores a send a channel accepted (idempotent: the message id is the key); partition = its recipient.</summary>
    public Task AddAsync(SendFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        var row = Row(fact.ContactId, SendKind, fact.MessageId);
        row["MessageId"] = fact.MessageId;
        row["JourneyId"] = fact.JourneyId;
        row["Version"] = fact.Version;
        row["NodeId"] = fact.NodeId;
        row["Variant"] = fact.Variant;
        row["Channel"] = fact.Channel.ToString();
        row["At"] = fact.SentAt;
        row["Timing"] = fact.Timing.ToString();
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Stores channel feedback about a message sent to the contact (idempotent: the event id is the key).</summary>
    public Task AddAsync(string contactId, FeedbackFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        var row = Row(contactId, FeedbackFactKind, fact.FeedbackId);
        row["FeedbackId"] = fact.FeedbackId;
        row["Feedback"] = fact.Kind.ToString();
        row["At"] = fact.At;
        row["Channel"] = fact.Channel.ToString();
        row["MessageId"] = fact.MessageId;
        row["MachineOpen"] = fact.MachineOpen;
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Stores a journey instance's entry (idempotent: the instance id is the key).</summary>
    public Task AddAsync(JourneyEntryFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        var row = Row(fact.ContactId, EntryKind, fact.InstanceId);
        row["InstanceId"] = fact.InstanceId;
        row["JourneyId"] = fact.JourneyId;
        row["Version"] = fact.Version;
        row["At"] = fact.EnteredAt;
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Stores a split's choice for an instance, holdout included (idempotent: instance and split node are the key).</summary>
    public Task AddAsync(SplitAssignmentFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.ThrowIfInvalid();
        var row = Row(fact.ContactId, AssignmentKind, fact.InstanceId + "\n" + fact.SplitNodeId);
        row["InstanceId"] = fact.InstanceId;
        row["JourneyId"] = fact.JourneyId;
        row["Version"] = fact.Version;
        row["NodeId"] = fact.SplitNodeId;
        row["Variant"] = fact.Variant;
        row["At"] = fact.AssignedAt;
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private static void AddJourneyOrFeedbackFact(ShopFacts facts, TableEntity row, DateTimeOffset at)
    {
        // The partition is the contact: a merge moves the row and it belongs to the survivor from then on.
        var contactId = row.PartitionKey;
        var journeyId = row.GetString("JourneyId") ?? string.Empty;
        var version = row.GetInt32("Version") ?? 0;
        switch (row.GetString("Kind"))
        {
            case SendKind:
                facts.Add(new SendFact(
                    row.GetString("MessageId") ?? string.Empty,
                    journeyId,
                    version,
                    row.GetString("NodeId") ?? string.Empty,
                    row.GetString("Variant"),
                    Enum.Parse<MessageChannel>(row.GetString("Channel")!),
                    contactId,
                    at,
                    Enum.TryParse<SendTiming>(row.GetString("Timing"), out var timing) ? timing : SendTiming.NotInExperiment));
                break;
            case FeedbackFactKind:
                facts.Add(new FeedbackFact(
                    row.GetString("FeedbackId") ?? string.Empty,
                    Enum.Parse<FeedbackKind>(row.GetString("Feedback")!),
                    at,
                    Enum.Parse<MessageChannel>(row.GetString("Channel")!),
                    row.GetString("MessageId"),
                    contactId,
                    row.GetBoolean("MachineOpen") ?? false));
                break;
            case EntryKind:
                facts.Add(new JourneyEntryFact(row.GetString("InstanceId") ?? string.Empty, journeyId, version, contactId, at));
                break;
            case AssignmentKind:
                facts.Add(new SplitAssignmentFact(row.GetString("InstanceId") ?? string.Empty, journeyId, version, row.GetString("NodeId") ?? string.Empty, row.GetString("Variant") ?? string.Empty, contactId, at));
                break;
        }
    }
}
