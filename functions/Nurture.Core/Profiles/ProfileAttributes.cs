namespace Nurture.Core.Profiles;

/// <summary>The attribute names a profile keeps (the keys of <see cref="ContactProfile.Attributes"/>).</summary>
public static class ProfileAttributes
{
#pragma warning disable CS1591 // The names say what they are.
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Locale = "locale";
    public const string TimeZone = "timeZone";
    public const string Country = "country";
    public const string City = "city";

    /// <summary>ISO date <c>yyyy-MM-dd</c>.</summary>
    public const string Birthday = "birthday";
#pragma warning restore CS1591

    /// <summary>Every attribute name, in the order documents show them.</summary>
    public static IReadOnlyList<string> All { get; } = [FirstName, LastName, Locale, TimeZone, Country, City, Birthday];
}
