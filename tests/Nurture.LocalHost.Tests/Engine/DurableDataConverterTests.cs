using System.Text.Json;
using Nurture.LocalHost.Durable;
using Nurture.LocalHost.Tests.Samples;

namespace Nurture.LocalHost.Tests.Engine;

public sealed class DurableDataConverterTests
{
    [Fact]
    public void WorkerDefault_WritesPascalCaseAsTheIsolatedWorkerDoes()
    {
        var json = DurableDataConverter.WorkerDefault.Serialize(new ApprovalDecision(true, "ana"));

        Assert.Equal("""{"Approved":true,"By":"ana"}""", json);
    }

    [Fact]
    public void WorkerDefault_ReadsPropertyNamesCaseInsensitively()
    {
        var decision = DurableDataConverter.WorkerDefault.Deserialize<ApprovalDecision>("""{"approved":true,"by":"ana"}""");

        Assert.Equal(new ApprovalDecision(true, "ana"), decision);
    }

    [Fact]
    public void WorkerDefault_NullStaysNull()
    {
        Assert.Null(DurableDataConverter.WorkerDefault.Serialize(null));
        Assert.Null(DurableDataConverter.WorkerDefault.Deserialize(null, typeof(ApprovalDecision)));
    }

    [Fact]
    public void FromObjectSerializer_UsesTheAppsSerializer()
    {
        var camel = new Azure.Core.Serialization.JsonObjectSerializer(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        var json = DurableDataConverter.FromObjectSerializer(camel).Serialize(new ApprovalDecision(false, "bo"));

        Assert.Equal("""{"approved":false,"by":"bo"}""", json);
    }
}
