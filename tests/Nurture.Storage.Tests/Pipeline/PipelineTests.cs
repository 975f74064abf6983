using Azure.Core;
using Nurture.Storage.Connections;
using Nurture.Storage.Rest;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Pipeline;

/// <summary>Retries, per-attempt signing, bearer tokens and error translation, on a scripted transport.</summary>
public sealed class PipelineTests
{
    private const string EntityJson = """{"odata.etag":"W/\"1\"","PartitionKey":"p","RowKey":"r","Timestamp":"2026-11-23T07:00:00.1234567Z","V":1}""";

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task TransientStatuses_AreRetriedAndEachAttemptIsSignedAfresh(int status)
    {
        var transport = new ScriptedTransport(new ScriptedResponse(status), new ScriptedResponse(status), new ScriptedResponse(200, EntityJson));
        var table = CreateTable(transport);

        var entity = await table.GetAsync("p", "r");

        Assert.Equal(1, entity!.GetInt32("V"));
        Assert.Equal(3, transport.Sent.Count);
        Assert.All(transport.Sent, s => Assert.StartsWith("SharedKeyLite devstoreaccount1:", s.Headers["Authorization"]));
        Assert.All(transport.Sent, s => Assert.True(s.Headers.ContainsKey("x-ms-date")));
    }

    [Theory]
    [InlineData(400, "InvalidInput")]
    [InlineData(403, "AuthenticationFailed")]
    [InlineData(409, "EntityAlreadyExists")]
    [InlineData(412, "UpdateConditionNotSatisfied")]
    public async Task ClientErrors_AreNeverRetried_AndCarryStatusCodeAndRequestId(int status, string code)
    {
        var body = "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"what went wrong\"}}}";
        var transport = new ScriptedTransport(new ScriptedResponse(status, body, new() { ["x-ms-request-id"] = "req-1" }));
        var table = CreateTable(transport);

        var ex = await Assert.ThrowsAnyAsync<StorageRequestException>(() => table.UpsertAsync(new TableEntity("p", "r")));

        Assert.Single(transport.Sent);
        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal("req-1", ex.RequestId);
        Assert.Contains("what went wrong", ex.Message);
        Assert.Equal(status == 412, ex is ETagMismatchException);
    }

    [Fact]
    public async Task XmlErrors_AndTheErrorCodeHeader_AreBothRead()
    {
        const string xml = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationFailure</Code><Message>No access.</Message></Error>";
        var transport = new ScriptedTransport(new ScriptedResponse(403, xml));
        var ex = await Assert.ThrowsAnyAsync<StorageRequestException>(() => CreateTable(transport).AddAsync(new TableEntity("p", "r")));
        Assert.Equal("AuthorizationFailure", ex.ErrorCode);
        Assert.Contains("No access.", ex.Message);

        var headerOnly = new ScriptedTransport(new ScriptedResponse(404, "", new() { ["x-ms-error-code"] = "TableNotFound" }));
        var notFound = await Assert.ThrowsAnyAsync<StorageRequestException>(() => CreateTable(headerOnly).AddAsync(new TableEntity("p", "r")));
        Assert.Equal("TableNotFound", notFound.ErrorCode);
        Assert.True(notFound.IsNotFound);
    }

    [Fact]
    public async Task IdentityConnection_SendsABearerTokenForTheStorageScope()
    {
        var credential = new RecordingCredential();
        var transport = new ScriptedTransport(new ScriptedResponse(200, EntityJson));
        var connection = new StorageConnection(new Uri("https://shopdata.table.core.windows.net"), new Uri("https://shopdata.queue.core.windows.net"), credential);
        var table = new RestTableService(connection, new StorageClientOptions { Transport = transport }).GetTableClient("profiles");

        await table.GetAsync("p", "r");

        Assert.Equal("Bearer token-for-test", transport.Sent.Single().Headers["Authorization"]);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task Query_KeepsFollowingContinuationsPastEmptyPages()
    {
        var transport = new ScriptedTransport(
            new ScriptedResponse(200, """{"value":[]}""", new() { ["x-ms-continuation-NextPartitionKey"] = "1!4!cA--", ["x-ms-continuation-NextRowKey"] = "1!4!cg--" }),
            new ScriptedResponse(200, """{"value":[]}""", new() { ["x-ms-continuation-NextPartitionKey"] = "1!4!cB--" }),
            new ScriptedResponse(200, "{\"value\":[" + EntityJson + "]}"));

        var rows = new List<TableEntity>();
        await foreach (var row in CreateTable(transport).QueryAsync(new TableQuery(TableFilter.Equal("V", 1))))
        {
            rows.Add(row);
        }

        Assert.Single(rows);
        Assert.Equal(3, transport.Sent.Count);
        Assert.Contains("NextPartitionKey=1%214%21cA--&NextRowKey=1%214%21cg--", transport.Sent[1].Uri.AbsoluteUri);
        Assert.Contains("NextPartitionKey=1%214%21cB--", transport.Sent[2].Uri.AbsoluteUri);
        Assert.DoesNotContain("NextRowKey", transport.Sent[2].Uri.AbsoluteUri);
    }

    private static ITableClient CreateTable(ScriptedTransport transport)
    {
        var options = new StorageClientOptions { Transport = transport };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(2);
        return new RestTableService(StorageConnection.Development(), options).GetTableClient("profiles");
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-for-test", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
