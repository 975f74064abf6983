namespace Nurture.Functions.Tests.Reports;

/// <summary>The system clock moved by a fixed amount: a later run without waiting for it.</summary>
internal sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
