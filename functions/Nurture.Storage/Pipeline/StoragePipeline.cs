using System.Text.Json;
using System.Xml;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Nurture.Storage.Connections;

namespace Nurture.Storage.Pipeline;

/// <summary>
/// One service's HTTP pipeline: authentication (Shared Key per attempt, or an Entra bearer token),
/// Azure.Core's retries, and the translation of failed responses into <see cref="StorageRequestException"/>.
/// </summary>
internal sealed class StoragePipeline
{
    private readonly HttpPipeline _pipeline;

    public StoragePipeline(StorageConnection connection, Uri endpoint, SharedKeyPolicy.Flavor flavor, StorageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        Endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        HttpPipelinePolicy auth = connection.SharedKey is { } key
            ? new SharedKeyPolicy(key, flavor)
            : new BearerTokenAuthenticationPolicy(connection.TokenCredential!, StorageConnection.StorageScope);
        _pipeline = HttpPipelineBuilder.Build(options, [], [auth], new ResponseClassifier());
    }

    /// <summary>The service endpoint without a trailing slash.</summary>
    public string Endpoint { get; }

    /// <summary>A request to <c>endpoint + pathAndQuery</c> with the version header set.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string pathAndQuery)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(Endpoint + pathAndQuery));
        request.Headers.SetValue("x-ms-version", StorageClientOptions.ServiceVersion);
        return message;
    }

    /// <summary>Sends the message (with retries) and returns the final response, failed or not.</summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    /// <summary>Builds the exception for a failed response, reading the error code from the header or the body.</summary>
    public static StorageRequestException CreateException(Response response, string? context = null)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        var (bodyCode, bodyMessage) = ReadErrorBody(response);
        code ??= bodyCode;
        var message = (context is null ? string.Empty : context + ": ") + (bodyMessage ?? response.ReasonPhrase);
        return response.Status == 412
            ? new ETagMismatchException(code, requestId, message)
            : new StorageRequestException(response.Status, code, requestId, message);
    }

    /// <summary>Reads <c>odata.error</c> (JSON, tables) or <c>Error</c> (XML, queues and auth).</summary>
    internal static (string? Code, string? Message) ReadErrorBody(Response response)
    {
        var content = response.Content;
        if (content is null || content.ToMemory().Length == 0)
        {
            return (null, null);
        }

        var span = content.ToMemory().Span;
        var first = span.TrimStart("\uFEFF"u8).TrimStart(" \r\n\t"u8);
        try
        {
            if (first.Length > 0 && first[0] == (byte)'{')
            {
                using var doc = JsonDocument.Parse(content.ToMemory());
                if (doc.RootElement.TryGetProperty("odata.error", out var error))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    var message = error.TryGetProperty("message", out var m)
                        ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString()
                        : null;
                    return (code, message);
                }
            }
            else if (first.Length > 0 && first[0] == (byte)'<')
            {
                var xml = new XmlDocument();
                using var stream = content.ToStream();
                xml.Load(stream);
                return (xml.DocumentElement?["Code"]?.InnerText, xml.DocumentElement?["Message"]?.InnerText);
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException)
        {
            // An unreadable error body still leaves the status and header code to report.
        }

        return (null, null);
    }
}
