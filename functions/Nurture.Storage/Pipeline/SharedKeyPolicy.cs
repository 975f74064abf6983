using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Nurture.Storage.Connections;

namespace Nurture.Storage.Pipeline;

/// <summary>
/// Signs each attempt (it runs per retry, after Azure.Core added its own headers) with a fresh
/// <c>x-ms-date</c>: Shared Key Lite for tables, full Shared Key for queues.
/// </summary>
internal sealed class SharedKeyPolicy(StorageSharedKey key, SharedKeyPolicy.Flavor flavor) : HttpPipelineSynchronousPolicy
{
    public enum Flavor
    {
        TableLite,
        Queue,
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        var uri = request.Uri.ToUri();
        string stringToSign;
        string scheme;
        if (flavor == Flavor.TableLite)
        {
            stringToSign = SharedKeySigner.TableStringToSign(date, key.AccountName, uri);
            scheme = "SharedKeyLite";
        }
        else
        {
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var header in request.Headers)
            {
                headers.Add(new(header.Name, header.Value));
            }

            // Content-Length is not among the request headers; it comes from the content.
            if (request.Content is { } content && content.TryComputeLength(out var length))
            {
                headers.Add(new("Content-Length", length.ToString(CultureInfo.InvariantCulture)));
            }

            stringToSign = SharedKeySigner.QueueStringToSign(request.Method.Method, uri, key.AccountName, headers);
            scheme = "SharedKey";
        }

        request.Headers.SetValue("Authorization", $"{scheme} {key.AccountName}:{SharedKeySigner.Sign(key, stringToSign)}");
    }
}
