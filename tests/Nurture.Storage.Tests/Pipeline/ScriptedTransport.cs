using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Nurture.Storage.Tests.Pipeline;

/// <summary>
/// An HTTP transport that answers from a script and records what was sent, for testing the pipeline's
/// retries, signing and error translation without a server.
/// </summary>
internal sealed class ScriptedTransport(params ScriptedResponse[] script) : HttpPipelineTransport
{
    private readonly Queue<ScriptedResponse> _script = new(script);

    public List<SentRequest> Sent { get; } = [];

    public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        var request = message.Request;
        var headers = request.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        Sent.Add(new SentRequest(request.Method.Method, request.Uri.ToUri(), headers));
        var next = _script.Count > 1 ? _script.Dequeue() : _script.Peek();
        message.Response = new Reply(next, request.ClientRequestId);
        return ValueTask.CompletedTask;
    }

    public sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers);

    private sealed class Reply(ScriptedResponse scripted, string clientRequestId) : Response
    {
        public override int Status => scripted.Status;

        public override string ReasonPhrase => "scripted";

        public override Stream? ContentStream { get; set; } = new MemoryStream(Encoding.UTF8.GetBytes(scripted.Body));

        public override string ClientRequestId { get; set; } = clientRequestId;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => scripted.Headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => scripted.Headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => scripted.Headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            var found = scripted.Headers.TryGetValue(name, out var value);
            values = found ? [value!] : null;
            return found;
        }
    }
}

/// <summary>One scripted answer.</summary>
internal sealed record ScriptedResponse(int Status, string Body = "", Dictionary<string, string>? HeaderValues = null)
{
    public Dictionary<string, string> Headers { get; } = new(HeaderValues ?? [], StringComparer.OrdinalIgnoreCase);
}
