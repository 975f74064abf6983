using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.Functions.Http;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Http;

public sealed class HttpFunctionTests(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
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
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo") { Content = new StringContent("hello") };
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, "not-the-key");

        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not valid");
    }

    [Fact]
    public async Task FunctionLevel_WithTheKeyInTheHeader_RunsTheFunction()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo") { Content = new StringContent("hello") };
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, FunctionTestHost.FunctionKey);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task FunctionLevel_WithTheKeyInTheCodeQuery_RunsTheFunction()
    {
        using var response = await Client.PostAsync($"api/echo?code={FunctionTestHost.FunctionKey}", new StringContent("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminLevel_RejectsAFunctionKey_AndAcceptsTheMasterKey()
    {
        using var withFunctionKey = await Client.GetAsync($"api/admin/things/42?code={FunctionTestHost.FunctionKey}");
        using var withMasterKey = await Client.GetAsync($"api/admin/things/42?code={FunctionTestHost.MasterKey}");

        await AssertProblemAsync(withFunctionKey, HttpStatusCode.Unauthorized, "not valid");
        Assert.Equal(HttpStatusCode.OK, withMasterKey.StatusCode);
        Assert.Equal("42", (await withMasterKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Anonymous_WithNoRoute_IsServedAtItsNameUnderThePrefix()
    {
        using var response = await Client.GetAsync("api/Ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OversizedBody_WithContentLength_Answers413ProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo") { Content = new StringContent(new string('x', HttpHostFixture.BodyLimit + 1)) };

        // The server answers before reading the body and may then close the connection: do not pool it.
        request.Headers.ConnectionClose = true;
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, FunctionTestHost.FunctionKey);

        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [Fact]
    public async Task OversizedBody_Chunked_Answers413ProblemJson()
    {
        var content = new StreamContent(new MemoryStream(new byte[HttpHostFixture.BodyLimit * 4]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ConnectionClose = true;
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, FunctionTestHost.FunctionKey);

        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [Fact]
    public async Task BodyAtTheLimit_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo") { Content = new StringContent(new string('x', HttpHostFixture.BodyLimit)) };
        request.Headers.Add(FunctionKeyAuthorizer.KeyHeader, FunctionTestHost.FunctionKey);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string titleFragment)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(titleFragment, problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
