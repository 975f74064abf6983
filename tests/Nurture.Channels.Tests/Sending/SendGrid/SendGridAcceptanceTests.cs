using Microsoft.Extensions.Time.Testing;
using Nurture.Channels.Sending;
using Nurture.Channels.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Nurture.Channels.Tests.Sending.SendGrid;

public sealed class SendGridAcceptanceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly ProviderFake _fake = ProviderFake.Start();
    private readonly FakeTimeProvider _clock = new(Now);

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task Check_SearchesEmailActivityByOurCustomArg_AndFindsTheMessage()
    {
        Activity().RespondWith(Response.Create().WithStatusCode(200).WithBody(
            """{"messages":[{"from_email":"shop@example.com","msg_id":"sg-abc.filter-1","subject":"Hello Ada","to_email":"ada@example.com","status":"delivered","opens_count":0,"clicks_count":0,"last_event_time":"2026-12-04T09:58:00Z"}]}"""));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url), clock: _clock);

        var check = await ChannelServices.SendGrid(services).CheckAcceptedAsync(Messages.Email("m-42"), Now.AddMinutes(-1));

        Assert.Equal(AcceptanceAnswer.Accepted, check.Answer);
        Assert.Equal("sg-abc.filter-1", check.Result!.ProviderMessageId);
        var request = Assert.Single(_fake.Requests).RequestMessage;
        Assert.Equal("GET", request.Method);
        Assert.Equal("Bearer " + ChannelServices.SendGridKey, request.Headers!["Authorization"].Single());
        Assert.Equal("10", request.Query!["limit"].Single());
        Assert.Equal("unique_args['nurture_message_id']=\"m-42\"", request.Query["query"].Single());
        Assert.Contains("query=unique_args%5B%27nurture_message_id%27%5D%3D%22m-42%22", request.RawQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAccepted_ByIdAlone_UsesTheSameSearch()
    {
        Activity().RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"messages":[{"msg_id":"sg-xyz","to_email":"ada@example.com"}]}"""));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url), clock: _clock);

        var found = await ChannelServices.SendGrid(services).FindAcceptedAsync("m-42");

        Assert.Equal("sg-xyz", found?.ProviderMessageId);
    }

    [Theory]
    [InlineData(-30, AcceptanceAnswer.NotAccepted)]
    [InlineData(-3, AcceptanceAnswer.Unknown)]
    public async Task Check_WhenNotListed_IsNotAcceptedOnlyOnceTheFeedHasHadTimeToShowIt(int attemptMinutesAgo, AcceptanceAnswer expected)
    {
        Activity().RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"messages":[]}"""));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url), clock: _clock);

        var check = await ChannelServices.SendGrid(services).CheckAcceptedAsync(Messages.Email(), Now.AddMinutes(attemptMinutesAgo));

        Assert.Equal(expected, check.Answer);
        Assert.Null(check.Result);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Check_WithoutTheEmailActivityAddOn_CannotTell(int status)
    {
        Activity().RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"errors":[{"message":"access forbidden"}]}"""));
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url), clock: _clock);
        var channel = ChannelServices.SendGrid(services);

        var check = await channel.CheckAcceptedAsync(Messages.Email(), Now.AddHours(-1));
        var found = await channel.FindAcceptedAsync("m-1");

        Assert.Equal(AcceptanceAnswer.Unknown, check.Answer);
        Assert.Contains("not available", check.Reason, StringComparison.Ordinal);
        Assert.Null(found);
    }

    [Fact]
    public async Task Check_WhenLookupsAreOff_AsksNothing()
    {
        using var services = ChannelServices.Build(ChannelServices.Settings(_fake.Url, ("Channels:SendGrid:EmailActivity", "false")), clock: _clock);

        var check = await ChannelServices.SendGrid(services).CheckAcceptedAsync(Messages.Email(), Now.AddHours(-1));

        Assert.Equal(AcceptanceAnswer.Unknown, check.Answer);
        Assert.Empty(_fake.Requests);
    }

    private WireMock.Server.IRespondWithAProvider Activity() => _fake.Server.Given(Request.Create().WithPath("/v3/messages").UsingGet());
}
