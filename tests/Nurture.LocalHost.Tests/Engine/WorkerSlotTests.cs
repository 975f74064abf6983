using Nurture.LocalHost.Durable;

namespace Nurture.LocalHost.Tests.Engine;

public sealed class WorkerSlotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nurture-slot-tests-").FullName;

    [Fact]
    public void Acquire_WhileAnotherHolderLives_TakesTheNextSlot()
    {
        using var first = WorkerSlot.Acquire("SlotHub", null, _directory, maxSlots: 4);
        using var second = WorkerSlot.Acquire("SlotHub", null, _directory, maxSlots: 4);

        Assert.Equal(0, first.Slot);
        Assert.Equal(1, second.Slot);
        Assert.Equal($"{Environment.MachineName}-0", first.WorkerId);
        Assert.NotEqual(first.WorkerId, second.WorkerId);
    }

    [Fact]
    public void Acquire_AfterTheHolderReleased_GetsTheSameWorkerIdBack()
    {
        string released;
        using (var first = WorkerSlot.Acquire("SlotHub", null, _directory, maxSlots: 4))
        {
            released = first.WorkerId;
        }

        using var again = WorkerSlot.Acquire("SlotHub", null, _directory, maxSlots: 4);

        Assert.Equal(released, again.WorkerId);
    }

    [Fact]
    public void Acquire_OtherHub_HasItsOwnSlots()
    {
        using var first = WorkerSlot.Acquire("SlotHub", null, _directory, maxSlots: 1);
        using var other = WorkerSlot.Acquire("OtherHub", null, _directory, maxSlots: 1);

        Assert.Equal(0, other.Slot);
    }

    [Fact]
    public void Acquire_AllSlotsHeld_FailsNamingTheSettings()
    {
        using var only = WorkerSlot.Acquire("SlotHub", null, _directory, maxSlots: 1);

        var error = Assert.Throws<InvalidOperationException>(() => WorkerSlot.Acquire("SlotHub", null, _directory, maxSlots: 1));

        Assert.Contains(nameof(DurableEngineOptions.MaxWorkerSlots), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DurableEngineOptions.WorkerId), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_FixedWorkerId_IsUsedAsGiven()
    {
        using var slot = WorkerSlot.Acquire("SlotHub", "worker-a", _directory, maxSlots: 1);

        Assert.Equal("worker-a", slot.WorkerId);
        Assert.Null(slot.Slot);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
