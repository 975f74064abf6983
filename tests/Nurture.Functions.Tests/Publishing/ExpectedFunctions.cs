using Nurture.Functions.Journeys.Orchestration;
using Nurture.Functions.Reports;
using Nurture.Functions.SendTime;

namespace Nurture.Functions.Tests.Publishing;

/// <summary>
/// Every function the app is meant to publish, with its trigger, auth level, methods and route or queue: the table a
/// reviewer reads to see the app's surface, checked against the published <c>functions.metadata</c>.
/// </summary>
public static class ExpectedFunctions
{
    /// <summary>The published functions (Function auth level is the marketer API; webhooks check signatures).</summary>
    public static IReadOnlyList<PublishedFunction> All { get; } =
    [
        PublishedFunction.Http(FunctionNames.AdviseSendTimes, "Function", "post", "send-times"),
        PublishedFunction.Activity(nameof(JourneyActivities.ApplyJourneyDecision)),
        PublishedFunction.Http(FunctionNames.BigCommerceWebhook, "Anonymous", "post", "webhooks/bigcommerce"),
        PublishedFunction.Http(FunctionNames.CancelJourneyInstance, "Function", "post", "journeys/instances/{instanceId}/cancel", "durableClient"),
        PublishedFunction.Timer(FunctionNames.ComputeCampaignMetrics, ComputeCampaignMetrics.Schedule),
        PublishedFunction.Timer(FunctionNames.ComputeRetention, ComputeRetention.Schedule),
        PublishedFunction.Http(FunctionNames.CreateJourneyBatch, "Function", "post", "journeys/{journeyId}/batch-starts"),
        PublishedFunction.Http(FunctionNames.DeleteContact, "Function", "delete", "contacts/{id}", "durableClient"),
        PublishedFunction.Http(FunctionNames.ExportContact, "Function", "get", "contacts/{id}/export"),
        PublishedFunction.Http(FunctionNames.GetContact, "Function", "get", "contacts/{id}"),
        PublishedFunction.Http(FunctionNames.GetContactSendTime, "Function", "get", "contacts/{id}/send-time"),
        PublishedFunction.Http(FunctionNames.GetDashboard, "Function", "get", "dashboard"),
        PublishedFunction.Http(FunctionNames.GetJourneyBatch, "Function", "get", "journeys/batches/{batchId}"),
        PublishedFunction.Http(FunctionNames.GetJourneyDraft, "Function", "get", "journeys/{journeyId}/draft"),
        PublishedFunction.Http(FunctionNames.GetJourneyInstance, "Function", "get", "journeys/instances/{instanceId}", "durableClient"),
        PublishedFunction.Http(FunctionNames.GetJourneyReport, "Function", "get", "reports/journeys"),
        PublishedFunction.Http(FunctionNames.GetJourneyVersion, "Function", "get", "journeys/{journeyId}/versions/{version}"),
        PublishedFunction.Http(FunctionNames.GetLifecycleReport, "Function", "get", "reports/lifecycle"),
        PublishedFunction.Http(FunctionNames.GetRetentionReport, "Function", "get", "reports/retention"),
        PublishedFunction.Http(FunctionNames.GetTemplate, "Function", "get", "templates/{templateId}"),
        PublishedFunction.Http(FunctionNames.Health, "Anonymous", "get", "health"),
        PublishedFunction.Orchestrator(nameof(JourneyOrchestration)),
        PublishedFunction.Timer(FunctionNames.LearnShopSendTimes, LearnShopSendTimes.Schedule),
        PublishedFunction.Http(FunctionNames.ListJourneyInstances, "Function", "get", "journeys/instances", "durableClient"),
        PublishedFunction.Http(FunctionNames.ListJourneyVersions, "Function", "get", "journeys/{journeyId}/versions"),
        PublishedFunction.Http(FunctionNames.ListJourneys, "Function", "get", "journeys"),
        PublishedFunction.Http(FunctionNames.ListOutbox, "Function", "get", "outbox"),
        PublishedFunction.Http(FunctionNames.ListTemplates, "Function", "get", "templates"),
        PublishedFunction.Activity(nameof(JourneyActivities.LoadJourneyContext)),
        PublishedFunction.Activity(nameof(JourneyActivities.LoadStoredEvent)),
        PublishedFunction.Http(FunctionNames.OpenApi, "Anonymous", "get", "openapi.json"),
        PublishedFunction.Http(FunctionNames.PauseJourney, "Function", "post", "journeys/{journeyId}/pause"),
        PublishedFunction.Http(FunctionNames.PauseJourneyInstance, "Function", "post", "journeys/instances/{instanceId}/pause", "durableClient"),
        PublishedFunction.Http(FunctionNames.PreviewTemplate, "Function", "post", "templates/{templateId}/preview"),
        PublishedFunction.Queue(FunctionNames.ProcessInboundEvent, "events-inbound", "durableClient"),
        PublishedFunction.Http(FunctionNames.PublishJourney, "Function", "post", "journeys/{journeyId}/publish"),
        PublishedFunction.Http(FunctionNames.RecomputeReports, "Admin", "post", "reports/recompute", "durableClient"),
        PublishedFunction.Http(FunctionNames.ResumeJourney, "Function", "post", "journeys/{journeyId}/resume"),
        PublishedFunction.Http(FunctionNames.ResumeJourneyInstance, "Function", "post", "journeys/instances/{instanceId}/resume", "durableClient"),
        PublishedFunction.Http(FunctionNames.SaveJourneyDraft, "Function", "put", "journeys/{journeyId}/draft"),
        PublishedFunction.Http(FunctionNames.SaveTemplate, "Function", "put", "templates/{templateId}"),
        PublishedFunction.Timer(FunctionNames.ScoreContacts, ScoreContacts.Schedule, "durableClient"),
        PublishedFunction.Http(FunctionNames.SendGridWebhook, "Anonymous", "post", "webhooks/sendgrid"),
        PublishedFunction.Http(FunctionNames.ShopifyWebhook, "Anonymous", "post", "webhooks/shopify"),
        PublishedFunction.Http(FunctionNames.StartJourney, "Function", "post", "journeys/{journeyId}/start", "durableClient"),
        PublishedFunction.Queue(FunctionNames.StartJourneyBatch, "journey-batches", "durableClient"),
        PublishedFunction.Http(FunctionNames.TrackEvents, "Function", "post", "events"),
        PublishedFunction.Http(FunctionNames.TwilioInboundWebhook, "Anonymous", "post", "webhooks/twilio/inbound"),
        PublishedFunction.Http(FunctionNames.TwilioStatusWebhook, "Anonymous", "post", "webhooks/twilio/status"),
        PublishedFunction.Http(FunctionNames.Unsubscribe, "Anonymous", "post", "unsubscribe"),
        PublishedFunction.Http(FunctionNames.UnsubscribePage, "Anonymous", "get", "unsubscribe"),
        PublishedFunction.Http(FunctionNames.UpdateContact, "Function", "patch", "contacts/{id}"),
        PublishedFunction.Http(FunctionNames.ValidateJourney, "Function", "post", "journeys/{journeyId}/validate"),
        PublishedFunction.Http(FunctionNames.WooCommerceWebhook, "Anonymous", "post", "webhooks/woocommerce"),
    ];
}
