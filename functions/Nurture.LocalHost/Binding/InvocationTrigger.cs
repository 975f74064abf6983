using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Binding;

/// <summary>What started an invocation: a closed set, one per trigger the binder knows.</summary>
internal abstract record InvocationTrigger
{
    private InvocationTrigger()
    {
    }

    /// <summary>An HTTP request.</summary>
    public sealed record Http(HttpContext Context) : InvocationTrigger;

    /// <summary>A queue message.</summary>
    public sealed record Queue(QueueMessage Message) : InvocationTrigger;

    /// <summary>A timer occurrence.</summary>
    public sealed record Timer(TimerInfo Info) : InvocationTrigger;
}
