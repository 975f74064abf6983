using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Tables;

/// <summary>Keys, names and sizes the service refuses are refused before any request, with a clear message.</summary>
public abstract partial class TableContractTests
{
    public static TheoryData<string, string> BadKeys => new()
    {
        { "a/b", "'/'" },
        { "a\\b", "'\\'" },
        { "a#b", "'#'" },
        { "a?b", "'?'" },
        { "tab\there", "U+0009" },
        { "nul\0", "U+0000" },
        { "del\u007f", "U+007F" },
        { new string('k', TableLimits.MaxKeyLength + 1), "513 characters" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task BadKeys_AreRejectedWithTheReason(string key, string reason)
    {
        var asPartition = await Assert.ThrowsAsync<ArgumentException>(() => Table.AddAsync(new TableEntity(key, "r")));
        var asRow = await Assert.ThrowsAsync<ArgumentException>(() => Table.UpsertAsync(new TableEntity("p", key)));
        var onGet = await Assert.ThrowsAsync<ArgumentException>(() => Table.GetAsync("p", key));
        var onDelete = await Assert.ThrowsAsync<ArgumentException>(() => Table.DeleteAsync(key, "r"));

        Assert.All(new[] { asPartition, asRow, onGet, onDelete }, ex => Assert.Contains(reason, ex.Message));
        Assert.Empty(await ToListAsync(Table.QueryAsync(new TableQuery())));
    }

    [Fact]
    public async Task KeyOfExactlyOneKibibyte_IsAccepted()
    {
        // 1 KiB of UTF-16 is 512 characters.
        var key = new string('k', TableLimits.MaxKeyLength);
        await Table.AddAsync(new TableEntity(key, key));
        Assert.NotNull(await Table.GetAsync(key, key));
    }

    [Fact]
    public async Task PropertyLimits_AreEnforcedBeforeSending()
    {
        var full = new TableEntity("p", "full");
        for (var i = 0; i < TableLimits.MaxProperties; i++)
        {
            full[$"P{i}"] = i;
        }

        await Table.AddAsync(full);
        Assert.Equal(TableLimits.MaxProperties, (await Table.GetAsync("p", "full"))!.Count);

        full["OneTooMany"] = 1;
        Assert.Contains("252", (await Assert.ThrowsAsync<ArgumentException>(() => Table.UpsertAsync(full))).Message);

        var longest = new string('x', TableLimits.MaxValueBytes / 2);
        await Table.AddAsync(new TableEntity("p", "long") { { "S", longest } });
        Assert.Equal(longest, (await Table.GetAsync("p", "long"))!.GetString("S"));

        var tooLong = new TableEntity("p", "toolong") { { "S", longest + "x" } };
        Assert.Contains("'S'", (await Assert.ThrowsAsync<ArgumentException>(() => Table.AddAsync(tooLong))).Message);
        var tooBig = new TableEntity("p", "bytes") { { "B", new byte[TableLimits.MaxValueBytes + 1] } };
        await Assert.ThrowsAsync<ArgumentException>(() => Table.AddAsync(tooBig));
    }

    [Theory]
    [InlineData("1starts")]
    [InlineData("has space")]
    [InlineData("dash-ed")]
    [InlineData("PartitionKey")]
    [InlineData("Timestamp")]
    public void BadPropertyNames_AreRejected(string name)
    {
        var entity = new TableEntity("p", "r");
        Assert.Throws<ArgumentException>(() => entity[name] = 1);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("has-dash")]
    [InlineData("tables")]
    public void BadTableNames_AreRejected(string name)
    {
        Assert.Throws<ArgumentException>(() => Service.GetTableClient(name));
    }

    [Fact]
    public void UnsupportedPropertyType_IsRejected()
    {
        var entity = new TableEntity("p", "r");
        Assert.Contains("decimal", Assert.Throws<ArgumentException>(() => entity["Price"] = 9.99m).Message, StringComparison.OrdinalIgnoreCase);
    }
}
