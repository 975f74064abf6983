using System.Text;
using Azure.Core;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Rest;

/// <summary>Entity group transactions.</summary>
public sealed partial class RestTableClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string?>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableTransactionValidation.Validate(actions);
        var (contentType, body) = TableBatchBody.Build(_pipeline.Endpoint, Name, actions);
        if (body.Length > TableLimits.MaxBatchBytes)
        {
            throw new ArgumentException($"The transaction is {body.Length} bytes; the limit is {TableLimits.MaxBatchBytes}.", nameof(actions));
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Post, "/$batch");
        var request = message.Request;
        request.Headers.SetValue("Accept", TableHeaders.JsonMinimalMetadata);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Content-Type", contentType);
        request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202)
        {
            throw StoragePipeline.CreateException(response, $"transaction on {Name}");
        }

        var reply = TableBatchBody.Parse(Encoding.UTF8.GetString(response.Content.ToMemory().Span));
        if (reply.ETags is null)
        {
            response.Headers.TryGetValue("x-ms-request-id", out var requestId);
            throw new TableTransactionFailedException(reply.Status, reply.ErrorCode, requestId, reply.FailedIndex, reply.Message ?? "the transaction failed");
        }

        if (reply.ETags.Count != actions.Count)
        {
            throw new StorageRequestException(response.Status, null, null, $"The transaction reply has {reply.ETags.Count} results for {actions.Count} operations.");
        }

        // Deletes have no ETag; report null for them whatever the reply says.
        var etags = new string?[actions.Count];
        for (var i = 0; i < etags.Length; i++)
        {
            etags[i] = actions[i].ActionType == TableTransactionActionType.Delete ? null : reply.ETags[i];
        }

        return etags;
    }
}
