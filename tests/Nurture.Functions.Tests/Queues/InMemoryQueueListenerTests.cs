using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.InMemory;

namespace Nurture.Functions.Tests.Queues;

public sealed class InMemoryQueueListenerTests() : QueueListenerTests(new TestStorageAccounts(new InMemoryQueueService(), new InMemoryTableService()));
