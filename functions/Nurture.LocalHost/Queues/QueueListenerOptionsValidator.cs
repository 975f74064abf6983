using Microsoft.Extensions.Options;

namespace Nurture.LocalHost.Queues;

/// <summary>Checks <see cref="QueueListenerOptions"/> at start; each failure names the <c>host.json</c> setting.</summary>
internal sealed class QueueListenerOptionsValidator : IValidateOptions<QueueListenerOptions>
{
    private const string Prefix = "host.json extensions.queues.";

    public ValidateOptionsResult Validate(string? name, QueueListenerOptions options)
    {
        var failures = new List<string>();
        if (options.BatchSize is < 1 or > 32)
        {
            failures.Add($"{Prefix}batchSize is {options.BatchSize}; use 1 to 32.");
        }

        if (options.NewBatchThreshold is < 0)
        {
            failures.Add($"{Prefix}newBatchThreshold is {options.NewBatchThreshold}; use 0 or more.");
        }

        if (options.MaxPollingInterval < TimeSpan.FromMilliseconds(100) || options.MaxPollingInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Prefix}maxPollingInterval is {options.MaxPollingInterval}; use 00:00:00.100 to 00:10:00 (hh:mm:ss).");
        }

        if (options.VisibilityTimeout < TimeSpan.Zero || options.VisibilityTimeout > TimeSpan.FromDays(7))
        {
            failures.Add($"{Prefix}visibilityTimeout is {options.VisibilityTimeout}; use 0 to 7 days.");
        }

        if (options.MaxDequeueCount < 1)
        {
            failures.Add($"{Prefix}maxDequeueCount is {options.MaxDequeueCount}; use 1 or more.");
        }

        if (options.MessageHold < TimeSpan.FromSeconds(1) || options.MessageHold > TimeSpan.FromDays(7))
        {
            failures.Add($"{Prefix}messageHold is {options.MessageHold}; use 1 second to 7 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
