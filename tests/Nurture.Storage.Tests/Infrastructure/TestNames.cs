namespace Nurture.Storage.Tests.Infrastructure;

/// <summary>Unique table and queue names, so tests never share state.</summary>
public static class TestNames
{
    /// <summary>A table name: the prefix (letters and digits) plus a random suffix.</summary>
    public static string Table(string prefix = "t") => (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(63, prefix.Length + 32)];

    /// <summary>A queue name: the lowercase prefix plus a random suffix.</summary>
    public static string Queue(string prefix = "q") => (prefix.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N"))[..Math.Min(63, prefix.Length + 33)];
}
