using System.Globalization;
using Nurture.Channels.Sending;
using Nurture.Channels.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Nurture.Channels.Tests.Sending.SendGrid;

public sealed class SendGridFailureTests : IDisposable
{
    private readonly ProviderFake _fake = ProviderFake.Start();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task Send_On429WithRetryAfter_WaitsWhatSendGridAskedThenSends()
    {
        MailSend().InScenario("limit").WillSetStateTo("waited").RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        MailSend().InScenario("limit").WhenStateIs("waited").RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "after-wait"));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal(ChannelSendStatus.Sent, result.Status);
        Assert.Equal("after-wait", result.ProviderMessageId);
        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        // The configured backoff is 10-50 ms, so a gap of most of a second is the header being honoured.
        Assert.True(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Send_On429WithRateLimitReset_WaitsUntilTheReset()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        MailSend().InScenario("reset").WillSetStateTo("waited").RespondWith(Response.Create().WithStatusCode(429).WithHeader("X-RateLimit-Reset", reset));
        MailSend().InScenario("reset").WhenStateIs("waited").RespondWith(Response.Create().WithStatusCode(202));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal(ChannelSendStatus.Sent, result.Status);
        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Send_On429AskingLongerThanTheCallMayWait_AnswersThrottledWithTheDelayAtOnce()
    {
        MailSend().RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120"));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal(ChannelSendStatus.TransientFailure, result.Status);
        Assert.Equal(ChannelFailureKind.Throttled, result.Failure);
        Assert.Equal("http_429", result.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Send_When5xxOutlastsTheRetries_AnswersTransientAfterEveryAttempt()
    {
        MailSend().RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>unavailable</html>"));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url, ("Channels:SendGrid:Retry:MaxRetries", "2")));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal(ChannelSendStatus.TransientFailure, result.Status);
        Assert.Equal(ChannelFailureKind.Unavailable, result.Failure);
        Assert.Equal("http_503", result.ErrorCode);
        Assert.False(result.MayHaveBeenAccepted);
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact]
    public async Task Send_WhenTheRecipientAddressIsRefused_IsPermanentEmailUnusableWithoutTheAddress()
    {
        MailSend().RespondWith(Response.Create().WithStatusCode(400).WithBody(
            """{"errors":[{"message":"The to email ada@example com does not contain a valid address, ada@example.com.","field":"personalizations.0.to.0.email","help":"http://sendgrid.com/docs"}]}"""));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal(ChannelSendStatus.PermanentFailure, result.Status);
        Assert.Equal(ChannelFailureKind.Recipient, result.Failure);
        Assert.Equal(RecipientImpact.EmailUnusable, result.Recipient);
        Assert.Equal("http_400", result.ErrorCode);
        Assert.Contains("personalizations.0.to.0.email", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", result.Detail, StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Send_On400AboutTheMessage_IsPermanentWithSendGridsReason()
    {
        MailSend().RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"errors":[{"message":"The subject is required.","field":"subject"}]}"""));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal((ChannelSendStatus.PermanentFailure, ChannelFailureKind.Request, RecipientImpact.None), (result.Status, result.Failure, result.Recipient));
        Assert.Equal("SendGrid 400: The subject is required. (field subject)", result.Detail);
    }

    [Fact]
    public async Task Send_On403_IsAPermanentAccountFailure()
    {
        MailSend().RespondWith(Response.Create().WithStatusCode(403).WithBody("""{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from"}]}"""));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal((ChannelSendStatus.PermanentFailure, ChannelFailureKind.Account, "http_403"), (result.Status, result.Failure, result.ErrorCode));
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Send_WhenAnAttemptTimesOut_IsNotRepeatedAndMayHaveBeenAccepted()
    {
        MailSend().RespondWith(Response.Create().WithStatusCode(202).WithDelay(TimeSpan.FromSeconds(3)));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url, ("Channels:SendGrid:Retry:AttemptTimeout", "00:00:00.300")));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal((ChannelSendStatus.TransientFailure, ChannelFailureKind.Unavailable), (result.Status, result.Failure));
        Assert.True(result.MayHaveBeenAccepted);
        Assert.Single(await _fake.WaitForRequestsAsync(1));
    }

    [Fact]
    public async Task Send_WhenNothingListens_RetriesThenAnswersTransientThatCannotHaveBeenAccepted()
    {
        var closed = _fake.Url;
        _fake.Dispose();
        using var services = ChannelServices.Build(ChannelServices.Settings(closed));

        var result = await ChannelServices.SendGrid(services).SendAsync(Messages.Email());

        Assert.Equal(ChannelSendStatus.TransientFailure, result.Status);
        Assert.False(result.MayHaveBeenAccepted);
    }

    private WireMock.Server.IRespondWithAProvider MailSend() => _fake.Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost());
}
