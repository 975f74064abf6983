using Nurture.Benchmarks.Harness;

namespace Nurture.Benchmarks.Tests;

public sealed class RequestMixTests
{
    [Theory]
    [InlineData("GET", "/devstoreaccount1/NurtureJourneyInstances(PartitionKey='i-1',RowKey='state')", "", StorageRequestKind.TablePointRead)]
    [InlineData("GET", "/devstoreaccount1/NurtureSendsByContact()", "?$filter=PartitionKey%20eq%20'c'", StorageRequestKind.TableQuery)]
    [InlineData("PUT", "/devstoreaccount1/NurtureJourneyInstances(PartitionKey='i-1',RowKey='state')", "", StorageRequestKind.TableWrite)]
    [InlineData("POST", "/devstoreaccount1/NurtureOutbox", "", StorageRequestKind.TableWrite)]
    [InlineData("POST", "/devstoreaccount1/$batch", "", StorageRequestKind.TableBatch)]
    [InlineData("POST", "/devstoreaccount1/Tables", "", StorageRequestKind.Other)]
    [InlineData("POST", "/devstoreaccount1/journey-work/messages", "?messagettl=-1", StorageRequestKind.QueueSend)]
    [InlineData("GET", "/devstoreaccount1/journey-work/messages", "?numofmessages=16", StorageRequestKind.QueueReceive)]
    [InlineData("DELETE", "/devstoreaccount1/journey-work/messages/abc", "?popreceipt=x", StorageRequestKind.QueueDelete)]
    [InlineData("PUT", "/devstoreaccount1/journey-work/messages/abc", "?popreceipt=x", StorageRequestKind.QueueUpdate)]
    [InlineData("GET", "/devstoreaccount1/journey-work", "?comp=metadata", StorageRequestKind.Other)]
    [InlineData("PUT", "/devstoreaccount1/journey-work", "", StorageRequestKind.Other)]
    public void Classify_TellsTheKindOfRequest(string method, string path, string query, StorageRequestKind expected)
    {
        Assert.Equal(expected, RequestCounter.Classify(method, path, query));
    }

    [Fact]
    public void Plan_KeepsTheCountedProportions_WithoutStartUpRequests()
    {
        var counted = new Dictionary<StorageRequestKind, long>
        {
            [StorageRequestKind.TablePointRead] = 800,
            [StorageRequestKind.TableWrite] = 600,
            [StorageRequestKind.QueueDelete] = 100,
            [StorageRequestKind.QueueReceive] = 7,
            [StorageRequestKind.Other] = 12,
            [StorageRequestKind.TableBatch] = 0,
        };

        var plan = RawStorageMix.Plan(counted, 1507);

        Assert.Equal(
            new Dictionary<StorageRequestKind, int>
            {
                [StorageRequestKind.TablePointRead] = 800,
                [StorageRequestKind.TableWrite] = 600,
                [StorageRequestKind.QueueDelete] = 100,
                [StorageRequestKind.QueueReceive] = 7,
            },
            plan);
    }
}
