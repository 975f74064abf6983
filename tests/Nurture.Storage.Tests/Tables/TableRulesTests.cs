using Azure.Data.Tables;
using Moq;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Tables;

/// <summary>
/// Azure's rules that Azurite does not enforce are refused before anything is sent: the SDK client is a strict mock
/// here, so any request it was asked to make would fail the test.
/// </summary>
public sealed class TableRulesTests
{
    private readonly TableClient _neverCalled = new Mock<TableClient>(MockBehavior.Strict).Object;

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
    public async Task BadKeys_AreRefusedWithTheReason_OnEveryOperation(string key, string reason)
    {
        var failures = new[]
        {
            await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.InsertAsync(new TableEntity(key, "r"))),
            await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.UpsertAsync(new TableEntity("p", key))),
            await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.UpdateIfMatchAsync(new TableEntity("p", key), Azure.ETag.All)),
            await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.FindAsync("p", key)),
            await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.DeleteIfMatchAsync(key, "r")),
        };

        Assert.All(failures, ex => Assert.Contains(reason, ex.Message));
    }

    [Fact]
    public async Task PropertyCountOverTheLimit_IsRefused()
    {
        var full = new TableEntity("p", "full");
        for (var i = 0; i <= TableLimits.MaxProperties; i++)
        {
            full[$"P{i}"] = i;
        }

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.InsertAsync(full));

        Assert.Contains("252", refused.Message);
    }

    [Fact]
    public void PropertyCountAtTheLimit_IsAccepted_NullsAndSystemPropertiesNotCounted()
    {
        var full = new TableEntity("p", "full") { ETag = Azure.ETag.All, Timestamp = DateTimeOffset.UtcNow };
        for (var i = 0; i < TableLimits.MaxProperties; i++)
        {
            full[$"P{i}"] = i;
        }

        full["Removed"] = null;

        TableLimits.ValidateEntity(full);
    }

    [Fact]
    public async Task ValuesOverSixtyFourKibibytes_AreRefusedNamingTheProperty()
    {
        var text = await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.UpsertAsync(new TableEntity("p", "s") { { "S", new string('x', (TableLimits.MaxValueBytes / 2) + 1) } }));
        var bytes = await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.UpsertAsync(new TableEntity("p", "b") { { "B", new byte[TableLimits.MaxValueBytes + 1] } }));

        Assert.Contains("'S'", text.Message);
        Assert.Contains("'B'", bytes.Message);
        TableLimits.ValidateEntity(new TableEntity("p", "s") { { "S", new string('x', TableLimits.MaxValueBytes / 2) } });
    }

    [Fact]
    public async Task AnEntityOverOneMebibyte_IsRefused()
    {
        var big = new TableEntity("p", "big");
        for (var i = 0; i < 20; i++)
        {
            big[$"S{i}"] = new string('x', 30_000);
        }

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.InsertAsync(big));

        Assert.Contains(TableLimits.MaxEntityBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message);
    }

    [Theory]
    [InlineData("1starts_with_digit")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    public async Task BadPropertyNames_AreRefused(string name)
    {
        var entity = new TableEntity("p", "r") { { name, 1 } };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.InsertAsync(entity));

        Assert.Contains("Property name", refused.Message);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("with-dash")]
    [InlineData("tables")]
    public void BadTableNames_AreRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => TableLimits.ValidateTableName(name));
    }

    [Fact]
    public async Task TransactionsAcrossPartitions_AreRefusedNamingTheOperation()
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, new TableEntity("a", "1")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("b", "1")),
        };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.SubmitCheckedAsync(actions));

        Assert.Contains("Operation 1 is for partition 'b'", refused.Message);
    }

    [Fact]
    public async Task TransactionsOfMoreThanOneHundredOperations_AreRefused()
    {
        var actions = Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", $"r{i}")))
            .ToList();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.SubmitCheckedAsync(actions));

        Assert.Contains("at most 100 operations; got 101", refused.Message);
    }

    [Fact]
    public async Task TransactionsNamingARowTwice_OrEmpty_AreRefused()
    {
        var twice = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "same")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "same")),
        };

        Assert.Contains("repeats row key 'same'", (await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.SubmitCheckedAsync(twice))).Message);
        await Assert.ThrowsAsync<ArgumentException>(() => _neverCalled.SubmitCheckedAsync([]));
    }

    [Fact]
    public void StartsWith_NeverTakesAPropertyNameThatCouldChangeTheFilter()
    {
        Assert.Throws<ArgumentException>(() => TableFilters.StartsWith("RowKey eq 'x' or RowKey", "a"));
        Assert.Equal("RowKey ge 'O''B' and RowKey lt 'O''C'", TableFilters.StartsWith("RowKey", "O'B"));
    }
}
