using System.Text;
using Nurture.Core.Profiles;

namespace Nurture.Core.Tests.Profiles;

public sealed class SuppressionHashTests
{
    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("a-32-byte-deployment-secret-salt");

    [Fact]
    public void ForEmail_IsStablePerSaltAndKind_AndHidesTheAddress()
    {
        var hash = SuppressionHash.ForEmail(Salt, "bob@example.com");

        Assert.Equal(hash, SuppressionHash.ForEmail(Salt, IdentityNormalizer.NormalizeEmail(" Bob@Example.com ")!));
        Assert.NotEqual(hash, SuppressionHash.ForEmail(Encoding.UTF8.GetBytes("another-deployment-secret-salt!!"), "bob@example.com"));
        Assert.NotEqual(hash, SuppressionHash.ForPhone(Salt, "bob@example.com"));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain("bob", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void ForProfile_CoversEveryAddress()
    {
        var profile = ContactProfile.Create("c") with
        {
            Emails = ContactProfile.Create("c").Emails.Add("a@example.com").Add("b@example.com"),
            Phones = ContactProfile.Create("c").Phones.Add("+16135550135"),
        };

        var hashes = SuppressionHash.ForProfile(Salt, profile);

        Assert.Equal(3, hashes.Distinct().Count());
        Assert.Contains(SuppressionHash.ForPhone(Salt, "+16135550135"), hashes);
    }

    [Fact]
    public void Compute_RejectsAShortSalt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SuppressionHash.ForEmail([1, 2, 3], "bob@example.com"));
    }
}
