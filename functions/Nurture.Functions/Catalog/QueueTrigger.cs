using Nurture.Storage.Connections;

namespace Nurture.Functions.Catalog;

/// <summary>A queue trigger: the queue to listen to and the storage connection setting that names the account.</summary>
/// <param name="QueueName">Queue name or a <c>%Setting%</c> expression.</param>
/// <param name="Connection">Name of the connection setting (default <c>AzureWebJobsStorage</c>).</param>
public sealed record QueueTrigger(string QueueName, string Connection = StorageConnectionSettings.DefaultConnectionName) : FunctionTrigger
{
    /// <summary>The <c>function.json</c> binding type.</summary>
    public const string Type = "queueTrigger";

    /// <summary>Suffix of the queue that receives messages which failed <c>maxDequeueCount</c> times.</summary>
    public const string PoisonSuffix = "-poison";

    /// <inheritdoc />
    public override string BindingType => Type;
}
