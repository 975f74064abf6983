using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Journeys.Validation;
using Nurture.Functions.Http;
using Nurture.Functions.Journeys.Design;

namespace Nurture.Functions.Journeys;

public sealed partial class JourneyDesignFunctions
{
    private async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var storage = await StorageAsync(cancellationToken).ConfigureAwait(false);
        var journeys = await storage.Definitions.ListOverviewAsync(cancellationToken).ConfigureAwait(false);
        return ApiJson.Result(new JourneyList(journeys.Count, journeys));
    }

    private async Task<IResult> SaveDraftAsync(HttpRequest request, string journeyId, CancellationToken cancellationToken)
    {
        JourneyDefinition draft;
        try
        {
            using var reader = new StreamReader(request.Body);
            draft = JourneyJson.Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not a journey document.", e.Message);
        }

        if (!string.Equals(draft.Id, journeyId, StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status400BadRequest, "The document's id does not match the URL.", $"The document says '{draft.Id}'; the URL says '{journeyId}'.");
        }

        var storage = await StorageAsync(cancellationToken).ConfigureAwait(false);
        await storage.Definitions.SaveDraftAsync(draft, cancellationToken).ConfigureAwait(false);
        return ApiJson.Result(ValidationReport.Of(journeyId, await ProblemsAsync(draft, storage, cancellationToken).ConfigureAwait(false)));
    }

    private async Task<IResult> GetDraftAsync(string journeyId, CancellationToken cancellationToken)
    {
        var storage = await StorageAsync(cancellationToken).ConfigureAwait(false);
        var draft = await storage.Definitions.GetDraftAsync(journeyId, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return NoDraft(journeyId);
        }

        var problems = await ProblemsAsync(draft, storage, cancellationToken).ConfigureAwait(false);
        return ApiJson.Result(new JourneyDraftView(journeyId, draft, problems.Count == 0, problems));
    }

    private async Task<IResult> ValidateAsync(string journeyId, CancellationToken cancellationToken)
    {
        var storage = await StorageAsync(cancellationToken).ConfigureAwait(false);
        var draft = await storage.Definitions.GetDraftAsync(journeyId, cancellationToken).ConfigureAwait(false);
        return draft is null
            ? NoDraft(journeyId)
            : ApiJson.Result(ValidationReport.Of(journeyId, await ProblemsAsync(draft, storage, cancellationToken).ConfigureAwait(false)));
    }

    private async Task<List<ValidationProblem>> ProblemsAsync(JourneyDefinition draft, JourneyStorage storage, CancellationToken cancellationToken) =>
        [.. JourneyValidator.Validate(draft), .. await TemplateReferences.CheckAsync(draft, storage.Templates, channels?.Value, cancellationToken).ConfigureAwait(false)];

    private static IResult NoDraft(string journeyId) =>
        Problem(StatusCodes.Status404NotFound, "No draft.", $"Journey '{journeyId}' has no draft; PUT one to /api/journeys/{journeyId}/draft first.");
}
