using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.LocalHost.Http;
using Nurture.LocalHost.Tests.Apps;

namespace Nurture.LocalHost.Tests.Http;

/// <summary>Routes, methods, keys and the problem+json answers of HTTP functions on Kestrel.</summary>
public sealed class HttpFunctionTests(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
    private const int FunctionFailedEventId = 1002;

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task FunctionLevel_WithoutKey_Answers401ProblemJson()
    {
        using var response = await Client.PostAsync("api/echo", new StringContent("hello"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "required");
    }

    [Fact]
    public async Task FunctionLevel_WithAWrongKey_Answers401ProblemJson()
    {
        using var response = await SendEchoAsync("hello", "not-the-key");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not valid");
    }

    [Theory]
    [InlineData(HttpHostFixture.DefaultKey)]
    [InlineData(HttpHostFixture.EchoKey)]
    [InlineData(HttpHostFixture.MasterKey)]
    public async Task FunctionLevel_WithAnAcceptedKeyInTheHeader_RunsTheFunction(string key)
    {
        using var response = await SendEchoAsync("hello", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task FunctionLevel_WithTheKeyInTheCodeQuery_RunsTheFunction()
    {
        using var response = await Client.PostAsync($"api/echo?code={HttpHostFixture.DefaultKey}", new StringContent("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fixture.Probe.Calls, c => c.Function == nameof(HttpFunctions.Echo) && c.Value == "hi");
    }

    [Fact]
    public async Task AdminLevel_RejectsFunctionKeys_AndAcceptsTheMasterKey()
    {
        using var withDefaultKey = await Client.GetAsync($"api/admin/things/42?code={HttpHostFixture.DefaultKey}");
        using var withEchoKey = await Client.GetAsync($"api/admin/things/42?code={HttpHostFixture.EchoKey}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/admin/things/42");
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, HttpHostFixture.MasterKey);
        using var withMasterKey = await Client.SendAsync(request);

        await AssertProblemAsync(withDefaultKey, HttpStatusCode.Unauthorized, "not valid");
        await AssertProblemAsync(withEchoKey, HttpStatusCode.Unauthorized, "not valid");
        Assert.Equal(HttpStatusCode.OK, withMasterKey.StatusCode);
        Assert.Equal("42", (await withMasterKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Anonymous_WithNoRoute_IsServedAtItsNameUnderThePrefix()
    {
        using var response = await Client.GetAsync("api/Ping");
        using var lowerCase = await Client.GetAsync("api/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, lowerCase.StatusCode);
    }

    [Fact]
    public async Task RouteValues_BindByParameterName_ToTheirTypes()
    {
        var key = Guid.NewGuid();

        using var withTag = await Client.GetAsync($"api/items/7/{key}/blue");
        using var withoutTag = await Client.GetAsync($"api/items/8/{key}");

        var body = await withTag.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((7, key, "blue"), (body.GetProperty("id").GetInt32(), body.GetProperty("key").GetGuid(), body.GetProperty("tag").GetString()));
        Assert.Equal(JsonValueKind.Null, (await withoutTag.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tag").ValueKind);
    }

    [Fact]
    public async Task RouteValue_ThatDoesNotConvert_Answers400NamingIt()
    {
        using var response = await Client.GetAsync($"api/items/seven/{Guid.NewGuid()}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "route value");
        Assert.Contains("'id'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_Answers404ProblemJson_NamingThePrefix()
    {
        using var response = await Client.GetAsync("api/no-such-function");
        using var withoutPrefix = await Client.GetAsync("Ping");

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "No function");
        Assert.Contains("'/api/'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(withoutPrefix, HttpStatusCode.NotFound, "No function");
    }

    [Fact]
    public async Task MethodTheFunctionDoesNotAccept_Answers405ProblemJson()
    {
        using var response = await Client.DeleteAsync("api/Ping");

        var problem = await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "does not accept");
        Assert.Contains("GET", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionThatThrows_Answers500NamingTheFunction_AndTheCauseIsOnlyInTheLog()
    {
        using var response = await Client.GetAsync("api/fail");

        var problem = await AssertProblemAsync(response, HttpStatusCode.InternalServerError, "failed");
        Assert.Contains($"'{nameof(HttpFunctions.Fail)}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cause only the log", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(fixture.Host.Logs.Entries, e => e.EventId == FunctionFailedEventId && e.Exception?.Message == "the cause only the log should show");
    }

    [Fact]
    public async Task FunctionThatWritesTheResponseItself_KeepsWhatItWrote()
    {
        using var response = await Client.PutAsync("api/written", new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("accepted", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OversizedBody_WithContentLength_Answers413ProblemJson()
    {
        using var response = await SendEchoAsync(new string('x', HttpHostFixture.BodyLimit + 1), HttpHostFixture.DefaultKey, closeConnection: true);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [Fact]
    public async Task OversizedBody_Chunked_Answers413ProblemJson()
    {
        var content = new StreamContent(new MemoryStream(new byte[HttpHostFixture.BodyLimit * 4]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ConnectionClose = true;
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, HttpHostFixture.DefaultKey);

        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [Fact]
    public async Task BodyAtTheLimit_IsAccepted()
    {
        using var response = await SendEchoAsync(new string('x', HttpHostFixture.BodyLimit), HttpHostFixture.DefaultKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string titleFragment)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(titleFragment, problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        return problem;
    }

    private async Task<HttpResponseMessage> SendEchoAsync(string body, string key, bool closeConnection = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo") { Content = new StringContent(body) };

        // The server answers an oversized body before reading it and may then close the connection: do not pool it.
        request.Headers.ConnectionClose = closeConnection;
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, key);
        return await Client.SendAsync(request);
    }
}
