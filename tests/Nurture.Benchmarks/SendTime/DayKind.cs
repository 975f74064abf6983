namespace Nurture.Benchmarks.SendTime;

/// <summary>The days a routine component applies on.</summary>
public enum DayKind
{
    /// <summary>Every day.</summary>
    All,

    /// <summary>Monday to Friday.</summary>
    Weekdays,

    /// <summary>Saturday and Sunday.</summary>
    Weekend,
}
