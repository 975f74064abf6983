using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>A contact source whose first read waits for the test: holds one runner between loading and saving an instance.</summary>
public sealed class GatedContacts(IJourneyContactSource inner) : IJourneyContactSource
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    /// <summary>Completes when the first read is waiting.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _release.TrySetResult();

    public async Task<JourneyRecipient?> GetAsync(string contactId, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _reads) == 1)
        {
            _entered.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await inner.GetAsync(contactId, cancellationToken).ConfigureAwait(false);
    }

    public Task ApplyAsync(UpdateProfile update, CancellationToken cancellationToken = default) => inner.ApplyAsync(update, cancellationToken);
}
