using Nurture.Infra.Tests.Infrastructure;

namespace Nurture.Infra.Tests;

public sealed class SettingNamesTests
{
    [Theory]
    [InlineData("Ingestion__ShopifySecret", "Ingestion:ShopifySecret")]
    [InlineData("Journeys__SendPolicy__EmailCap", "Journeys:SendPolicy:EmailCap")]
    [InlineData("Journeys:SendPolicy:EmailCap", "Journeys:SendPolicy:EmailCap")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME")]
    public void Normalize_TurnsDoubleUnderscoresIntoSectionSeparators(string name, string expected) =>
        Assert.Equal(expected, SettingNames.Normalize(name));

    [Theory]
    [InlineData("Ingestion__ShopifySecret", "ingestion:shopifysecret", true)]
    [InlineData("SendGrid:ApiKey", "SendGrid:ApiKey", true)]
    [InlineData("AzureWebJobsStorage", "AzureWebJobsStorage:blobServiceUri", true)]
    [InlineData("AzureWebJobsStorage", "AzureWebJobsStorageExtra", false)]
    [InlineData("Ingestion__ShopifySecret", "Ingestion:ShopifySecretHeader", false)]
    [InlineData("Twilio__AuthToken", "Twilio", false)]
    public void IsSupplied_MatchesTheKeyOrASectionUnderIt(string read, string provided, bool expected) =>
        Assert.Equal(expected, SettingNames.IsSupplied(read, [provided]));
}
