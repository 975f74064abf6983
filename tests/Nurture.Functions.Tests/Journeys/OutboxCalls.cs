using Azure.Data.Tables;
using Nurture.Channels.Outbox;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>The outbox as the kill run's channel: its rows, and the attempts it records per message id.</summary>
internal sealed class OutboxCalls(KillableJourneyApp app) : IChannelCalls
{
    public string Name => "outbox";

    public async Task<int> CountAsync()
    {
        var count = 0;
        var table = app.Accounts.Tables.GetTableClient(OutboxChannel.DefaultTableName);
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            count++;
        }

        return count;
    }

    public async Task<IReadOnlyDictionary<string, MessageCalls>> ReadAsync()
    {
        var attempts = await app.Storage.Outbox.CountAttemptsAsync();
        return (await app.Storage.Outbox.ListAsync()).ToDictionary(
            r => r.Message.MessageId,
            r => new MessageCalls(attempts.GetValueOrDefault(r.Message.MessageId), r.RecordedAt, r.Message.ContactId, r.Message.Channel),
            StringComparer.Ordinal);
    }
}
