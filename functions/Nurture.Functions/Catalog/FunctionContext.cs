using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Catalog;

/// <summary>What a handler gets besides its trigger input: identity of the invocation, services and cancellation.</summary>
/// <param name="FunctionName">The function being run.</param>
/// <param name="InvocationId">Unique id of this invocation (logged with every line).</param>
/// <param name="Services">Services scoped to this invocation.</param>
/// <param name="Logger">Logger for the handler; in custom-handler mode its lines also go back to the Functions host.</param>
/// <param name="CancellationToken">Cancelled when the invocation exceeds <c>functionTimeout</c> or the request is aborted.</param>
public sealed record FunctionContext(
    string FunctionName,
    string InvocationId,
    IServiceProvider Services,
    ILogger Logger,
    CancellationToken CancellationToken);
