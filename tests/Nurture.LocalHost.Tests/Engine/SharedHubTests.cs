using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Nurture.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Engine;

/// <summary>Two hosts on one task hub: different worker ids, the partitions split between them, work done by both.</summary>
public sealed class SharedHubTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoEngines_OnOneHub_TakeDifferentSlots_SplitThePartitions_AndFinishAllInstances()
    {
        var hub = DurableTestStorage.NewHubName();
        await using var first = await DurableTestHost.StartAsync(output, hub, o => o.PartitionCount = 4);
        await using var second = await DurableTestHost.StartAsync(output, hub, o => o.PartitionCount = 4);
        var partitions = new TableClient(DurableTestStorage.ConnectionString, $"{hub}Partitions");

        await Poll.UntilAsync(async () =>
        {
            var owners = new List<string>();
            await foreach (var lease in partitions.QueryAsync<TableEntity>())
            {
                owners.Add(lease.GetString("CurrentOwner") ?? string.Empty);
            }

            output.WriteLine($"Partition owners: {string.Join(", ", owners)}");
            return owners.Count == 4 && owners.Count(o => o == first.Engine.WorkerId) == 2 && owners.Count(o => o == second.Engine.WorkerId) == 2;
        }, Deadline.Default, "two partitions per engine", TimeSpan.FromSeconds(2));
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DoublingOrchestrator), i));
        }

        var outputs = new List<int>();
        foreach (var id in ids)
        {
            var done = await Deadline.CompletionAsync(second.Client, id);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            outputs.Add(done.ReadOutputAs<int>());
        }

        Assert.NotEqual(first.Engine.WorkerId, second.Engine.WorkerId);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i * 2), outputs);
    }
}
