using Nurture.Storage;

namespace Nurture.Storage.Tests;

public sealed class InitializeOnceTests
{
    [Fact]
    public async Task ManyCallersAtOnce_RunTheInitializationOnce()
    {
        using var once = new InitializeOnce();
        var runs = 0;
        var release = new TaskCompletionSource();

        var callers = Enumerable.Range(0, 8).Select(_ => once.RunAsync(async _ =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
        })).ToList();
        release.SetResult();
        await Task.WhenAll(callers);
        await once.RunAsync(_ => throw new InvalidOperationException("must not run again"));

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task AFailedAttempt_IsTriedAgainByTheNextCaller()
    {
        using var once = new InitializeOnce();
        var runs = 0;

        await Assert.ThrowsAsync<IOException>(() => once.RunAsync(_ =>
        {
            runs++;
            throw new IOException("storage not reachable yet");
        }));
        await once.RunAsync(_ =>
        {
            runs++;
            return Task.CompletedTask;
        });

        Assert.Equal(2, runs);
    }
}
