using System.Reflection;
using Nurture.LocalHost.Binding;

namespace Nurture.LocalHost.Catalog;

/// <summary>A <c>queueTrigger</c> function.</summary>
public sealed class QueueFunction : LocalFunction
{
    internal QueueFunction(string name, MethodInfo method, BoundMethod binding, string queueName, string connection)
        : base(name, method, binding)
    {
        QueueName = queueName;
        Connection = connection;
    }

    /// <inheritdoc />
    public override TriggerKind Trigger => TriggerKind.Queue;

    /// <summary>The queue, with <c>%Setting%</c> expressions resolved.</summary>
    public string QueueName { get; }

    /// <summary>The connection setting's name (<c>AzureWebJobsStorage</c> when the metadata names none).</summary>
    public string Connection { get; }
}
