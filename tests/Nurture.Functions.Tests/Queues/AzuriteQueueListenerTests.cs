using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Queues;

public sealed class AzuriteQueueListenerTests() : QueueListenerTests(QueueTestStorage.Create());
