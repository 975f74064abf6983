using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Rest;

/// <summary>
/// The multipart body of an entity group transaction and the reading of its multipart reply. CRLF line
/// endings, one changeset, absolute sub-request URLs and one-line JSON, as the service and Azurite require.
/// </summary>
internal static partial class TableBatchBody
{
    public static (string ContentType, byte[] Body) Build(string endpoint, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var sb = new StringBuilder(256 + actions.Count * 512);
        sb.Append("--").Append(batch).Append("\r\n")
          .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, url, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", endpoint + "/" + table, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", endpoint + ODataKeys.EntityPath(table, entity.PartitionKey, entity.RowKey), null, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", endpoint + ODataKeys.EntityPath(table, entity.PartitionKey, entity.RowKey), null, true),
                TableTransactionActionType.UpdateReplace => ("PUT", endpoint + ODataKeys.EntityPath(table, entity.PartitionKey, entity.RowKey), action.ETag ?? "*", true),
                TableTransactionActionType.UpdateMerge => ("MERGE", endpoint + ODataKeys.EntityPath(table, entity.PartitionKey, entity.RowKey), action.ETag ?? "*", true),
                TableTransactionActionType.Delete => ("DELETE", endpoint + ODataKeys.EntityPath(table, entity.PartitionKey, entity.RowKey), action.ETag ?? "*", false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };
            sb.Append("--").Append(changeset).Append("\r\n")
              .Append("Content-Type: application/http\r\n")
              .Append("Content-Transfer-Encoding: binary\r\n\r\n")
              .Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n")
              .Append("Accept: ").Append(TableHeaders.JsonMinimalMetadata).Append("\r\n")
              .Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                sb.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (hasBody)
            {
                if (method == "POST")
                {
                    sb.Append("Prefer: return-no-content\r\n");
                }

                sb.Append("Content-Type: application/json\r\n\r\n")
                  .Append(Encoding.UTF8.GetString(TableJson.Serialize(entity).Span)).Append("\r\n");
            }
            else
            {
                sb.Append("\r\n");
            }
        }

        sb.Append("--").Append(changeset).Append("--\r\n")
          .Append("--").Append(batch).Append("--\r\n");
        return ("multipart/mixed; boundary=" + batch, Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>
    /// Reads the reply: every sub-response's status and ETag in order, or the failure (status, code,
    /// message, failing index) when the changeset was rolled back.
    /// </summary>
    public static BatchReply Parse(string body)
    {
        var etags = new List<string?>();
        foreach (Match status in StatusLine().Matches(body))
        {
            var code = int.Parse(status.Groups["status"].Value, CultureInfo.InvariantCulture);
            var partEnd = body.IndexOf("\r\n--", status.Index, StringComparison.Ordinal);
            var part = partEnd < 0 ? body[status.Index..] : body[status.Index..partEnd];
            if (code >= 400)
            {
                var json = part.IndexOf('{', StringComparison.Ordinal);
                string? errorCode = null, message = part;
                if (json >= 0)
                {
                    try
                    {
                        using var doc = System.Text.Json.JsonDocument.Parse(part[json..]);
                        var error = doc.RootElement.GetProperty("odata.error");
                        errorCode = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                        message = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        // Keep the raw part as the message.
                    }
                }

                var index = IndexPrefix().Match(message ?? string.Empty);
                return new BatchReply(null, code, errorCode, message, index.Success ? int.Parse(index.Groups["index"].Value, CultureInfo.InvariantCulture) : null);
            }

            var etag = EtagHeader().Match(part);
            etags.Add(etag.Success ? etag.Groups["etag"].Value.Trim() : null);
        }

        return new BatchReply(etags, 202, null, null, null);
    }

    public sealed record BatchReply(IReadOnlyList<string?>? ETags, int Status, string? ErrorCode, string? Message, int? FailedIndex);

    [GeneratedRegex(@"HTTP/1\.1 (?<status>\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^ETag:\s*(?<etag>.+?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex EtagHeader();

    [GeneratedRegex(@"^(?<index>\d+):")]
    private static partial Regex IndexPrefix();
}
