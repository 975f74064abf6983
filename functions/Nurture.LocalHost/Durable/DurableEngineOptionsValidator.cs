using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Nurture.LocalHost.Durable;

/// <summary>Checks <see cref="DurableEngineOptions"/> at start, with messages that name the bad setting.</summary>
public sealed partial class DurableEngineOptionsValidator : IValidateOptions<DurableEngineOptions>
{
    /// <summary>Shortest visibility timeout accepted: DTFx renews held messages every 5 s, so less would let them reappear.</summary>
    public static readonly TimeSpan MinimumVisibilityTimeout = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DurableEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!HubNamePattern().IsMatch(options.HubName ?? string.Empty))
        {
            failures.Add($"{nameof(DurableEngineOptions.HubName)} '{options.HubName}' must be 3 to 45 letters and digits starting with a letter (host.json extensions.durableTask.hubName).");
        }

        if (options.PartitionCount is < 1 or > 16)
        {
            failures.Add($"{nameof(DurableEngineOptions.PartitionCount)} must be between 1 and 16, not {options.PartitionCount}.");
        }

        RequirePositive(failures, nameof(DurableEngineOptions.MaxConcurrentActivities), options.MaxConcurrentActivities);
        RequirePositive(failures, nameof(DurableEngineOptions.MaxConcurrentOrchestrations), options.MaxConcurrentOrchestrations);
        RequirePositive(failures, nameof(DurableEngineOptions.MaxWorkerSlots), options.MaxWorkerSlots);
        RequireAtLeast(failures, nameof(DurableEngineOptions.ControlQueueVisibilityTimeout), options.ControlQueueVisibilityTimeout, MinimumVisibilityTimeout);
        RequireAtLeast(failures, nameof(DurableEngineOptions.WorkItemQueueVisibilityTimeout), options.WorkItemQueueVisibilityTimeout, MinimumVisibilityTimeout);
        RequireAtLeast(failures, nameof(DurableEngineOptions.MaxQueuePollingInterval), options.MaxQueuePollingInterval, TimeSpan.FromMilliseconds(100));
        RequireAtLeast(failures, nameof(DurableEngineOptions.LeaseAcquireInterval), options.LeaseAcquireInterval, TimeSpan.FromSeconds(1));
        RequireAtLeast(failures, nameof(DurableEngineOptions.LeaseRenewInterval), options.LeaseRenewInterval, TimeSpan.FromSeconds(1));
        if (options.LeaseInterval < options.LeaseAcquireInterval * 2)
        {
            failures.Add($"{nameof(DurableEngineOptions.LeaseInterval)} ({options.LeaseInterval}) must be at least twice {nameof(DurableEngineOptions.LeaseAcquireInterval)} ({options.LeaseAcquireInterval}), or a busy worker loses its partitions between renewals.");
        }

        if (options.WorkerId is { Length: > 0 } workerId && workerId.Trim().Length == 0)
        {
            failures.Add($"{nameof(DurableEngineOptions.WorkerId)} must not be blank; leave it empty to use a machine slot.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string setting, int value)
    {
        if (value < 1)
        {
            failures.Add($"{setting} must be at least 1, not {value}.");
        }
    }

    private static void RequireAtLeast(List<string> failures, string setting, TimeSpan value, TimeSpan minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{setting} must be at least {minimum}, not {value}.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$", RegexOptions.CultureInvariant)]
    private static partial Regex HubNamePattern();
}
