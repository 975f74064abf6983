using System.Text.Json;
using Azure.Data.Tables;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Interop;

/// <summary>
/// Entities written by Nurture (through the .NET SDK) read back exactly through the official JavaScript Tables SDK
/// with the right EDM types (dates as DateTime, Int64 annotated), and entities the JavaScript SDK writes read back
/// exactly through Nurture, on Azurite.
/// </summary>
public sealed class OfficialSdkInteropTests : IAsyncLifetime
{
    private const string Script = "tests/Nurture.Storage.Tests/Interop/tables-interop.mjs";
    private static readonly DateTimeOffset When = new DateTimeOffset(2026, 11, 23, 7, 30, 15, TimeSpan.Zero).AddTicks(1234567);
    private static readonly Guid Id = Guid.Parse("5c7e6a0e-8f1b-4d7a-9a49-0a1b2c3d4e5f");
    private readonly TableClient _table = StorageTestEnvironment.Account.Tables.GetTableClient(TestNames.Table("interop"));

    public async Task InitializeAsync() => await _table.EnsureExistsAsync();

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task EntityWrittenByNurture_ReadsBackThroughTheOfficialSdkWithEveryType()
    {
        await _table.InsertAsync(new TableEntity("interop", "from-nurture")
        {
            { "Text", "Zoë — 🎉 'quoted'" },
            { "Int", int.MinValue },
            { "Long", long.MaxValue },
            { "Double", 1234.5678 },
            { "WholeDouble", 42.0 },
            { "Flag", true },
            { "When", When },
            { "Id", Id },
            { "Bytes", new byte[] { 0, 1, 2, 254, 255 } },
        });

        var json = await NodeScript.RunAsync(Script, ["read", _table.Name, "interop", "from-nurture"], StorageTestEnvironment.ConnectionString);
        using var doc = JsonDocument.Parse(json);
        var read = doc.RootElement;

        AssertTyped(read, "Text", "Zoë — 🎉 'quoted'", "String");
        AssertTyped(read, "Int", "-2147483648", "Int32");
        AssertTyped(read, "Long", "9223372036854775807", "Int64");
        AssertTyped(read, "Double", "1234.5678", "Double");
        AssertTyped(read, "Flag", "true", "Boolean");
        AssertTyped(read, "When", "2026-11-23T07:30:15.1234567Z", "DateTime");
        AssertTyped(read, "Id", "5c7e6a0e-8f1b-4d7a-9a49-0a1b2c3d4e5f", "Guid");
        AssertTyped(read, "Bytes", Convert.ToBase64String([0, 1, 2, 254, 255]), "Binary");

        // The SDK labels any whole JSON number Int32 when it skips type conversion, even one it wrote as a
        // Double itself; the value is what must survive.
        Assert.Equal("42", read.GetProperty("WholeDouble").GetProperty("value").GetString());
    }

    [Fact]
    public async Task EntityWrittenByTheOfficialSdk_ReadsBackThroughNurtureWithEveryType()
    {
        await NodeScript.RunAsync(Script, ["write", _table.Name, "interop", "from-sdk"], StorageTestEnvironment.ConnectionString);

        var read = await _table.FindAsync("interop", "from-sdk");

        Assert.NotNull(read);
        Assert.Equal("Zoë — 🎉 'quoted'", read["Text"]);
        Assert.Equal(int.MinValue, read["Int"]);
        Assert.Equal(long.MaxValue, read["Long"]);
        Assert.Equal(1234.5678, read["Double"]);
        Assert.Equal(42.0, read["WholeDouble"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(When, read["When"]);
        Assert.Equal(When.UtcTicks, read.GetDateTimeOffset("When")!.Value.UtcTicks);
        Assert.Equal(Id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, read.GetBinary("Bytes"));
    }

    private static void AssertTyped(JsonElement entity, string name, string value, string type)
    {
        var property = entity.GetProperty(name);
        Assert.Equal(value, property.GetProperty("value").GetString());
        Assert.Equal(type, property.GetProperty("type").GetString());
    }
}
