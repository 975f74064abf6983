using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Tests.Journeys.Batches;

/// <summary>A contact source that holds the first read of one contact until the test releases it: a batch page stops mid-way.</summary>
public sealed class ContactGate(IJourneyContactSource inner, string contactId) : IJourneyContactSource
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    /// <summary>Completes when the held read is waiting.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _release.TrySetResult();

    public async Task<JourneyRecipient?> GetAsync(string requested, CancellationToken cancellationToken = default)
    {
        if (requested == contactId && Interlocked.Increment(ref _reads) == 1)
        {
            _entered.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await inner.GetAsync(requested, cancellationToken).ConfigureAwait(false);
    }

    public Task ApplyAsync(UpdateProfile update, CancellationToken cancellationToken = default) => inner.ApplyAsync(update, cancellationToken);
}
