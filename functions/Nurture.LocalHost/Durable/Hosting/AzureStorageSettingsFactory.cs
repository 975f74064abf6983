using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Nurture.LocalHost.Durable.Hosting;

/// <summary>DTFx Azure Storage provider settings from the engine's options.</summary>
internal static class AzureStorageSettingsFactory
{
    /// <summary>The provider settings for this host's worker id.</summary>
    public static AzureStorageOrchestrationServiceSettings Create(DurableEngineOptions options, DurableStorageAccount storage, string workerId, ILoggerFactory loggerFactory) =>
        new()
        {
            StorageAccountClientProvider = storage.CreateClientProvider(),
            TaskHubName = options.HubName,
            WorkerId = workerId,
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseRenewInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,

            // The partition table lets a restarted worker with its old id renew its own partitions at once.
            UseTablePartitionManagement = true,

            // As Durable Functions configures it: a rejected start throws instead of being dropped silently.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,
        };
}
