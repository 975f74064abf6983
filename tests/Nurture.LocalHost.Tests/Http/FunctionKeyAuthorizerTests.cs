
using Nurture.LocalHost.Hosting;
using Nurture.LocalHost.Http;

namespace Nurture.LocalHost.Tests.Http;

public sealed class FunctionKeyAuthorizerTests
{
    private const string StartJourney = nameof(StartJourney);
    private const string OtherFunction = nameof(OtherFunction);

    private static readonly FunctionKeysOptions Keys = new()
    {
        MasterKey = "master",
        Default = "host-function",
        Functions = new(StringComparer.OrdinalIgnoreCase) { [StartJourney] = "own" },
    };

    [Theory]
    [InlineData(AuthorizationLevel.Anonymous, null, FunctionKeyCheck.Allowed)]
    [InlineData(AuthorizationLevel.Function, null, FunctionKeyCheck.Missing)]
    [InlineData(AuthorizationLevel.Function, "", FunctionKeyCheck.Missing)]
    [InlineData(AuthorizationLevel.Function, "own", FunctionKeyCheck.Allowed)]
    [InlineData(AuthorizationLevel.Function, "host-function", FunctionKeyCheck.Allowed)]
    [InlineData(AuthorizationLevel.Function, "master", FunctionKeyCheck.Allowed)]
    [InlineData(AuthorizationLevel.Function, "wrong", FunctionKeyCheck.Invalid)]
    [InlineData(AuthorizationLevel.Admin, "own", FunctionKeyCheck.Invalid)]
    [InlineData(AuthorizationLevel.Admin, "host-function", FunctionKeyCheck.Invalid)]
    [InlineData(AuthorizationLevel.Admin, "master", FunctionKeyCheck.Allowed)]
    public void Check_FollowsTheFunctionsKeyRules(AuthorizationLevel level, string? key, FunctionKeyCheck expected) =>
        Assert.Equal(expected, FunctionKeyAuthorizer.Check(level, StartJourney, key, Keys));

    [Fact]
    public void Check_AFunctionsOwnKeyDoesNotOpenAnotherFunction() =>
        Assert.Equal(FunctionKeyCheck.Invalid, FunctionKeyAuthorizer.Check(AuthorizationLevel.Function, OtherFunction, "own", Keys));

    [Fact]
    public void Check_WithNoKeysConfigured_RejectsEveryKey() =>
        Assert.Equal(FunctionKeyCheck.Invalid, FunctionKeyAuthorizer.Check(AuthorizationLevel.Function, StartJourney, "anything", new FunctionKeysOptions()));
}
