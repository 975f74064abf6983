namespace Nurture.Storage.Tables;

/// <summary>The property types a table entity can hold, and the conversions into them.</summary>
internal static class TableValue
{
    /// <summary>Checks the value's type and brings DateTime into DateTimeOffset (UTC).</summary>
    public static object Normalize(string name, object value) => value switch
    {
        string or int or long or double or bool or Guid or byte[] => value,
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
        float f => (double)f,
        short s => (int)s,
        byte b => (int)b,
        _ => throw new ArgumentException(
            $"Property '{name}' has type {value.GetType().Name}; table properties may be string, int, long, double, bool, DateTimeOffset, Guid or byte[].",
            nameof(value)),
    };
}
