namespace Nurture.Functions;

/// <summary>The names of the app's own functions, one constant each: never repeat a function name as a literal.</summary>
public static class FunctionNames
{
    /// <summary><c>GET /api/health</c>: whether storage is reachable.</summary>
    public const string Health = nameof(Health);

    /// <summary><c>POST /api/webhooks/shopify</c>.</summary>
    public const string ShopifyWebhook = nameof(ShopifyWebhook);

    /// <summary><c>POST /api/webhooks/woocommerce</c>.</summary>
    public const string WooCommerceWebhook = nameof(WooCommerceWebhook);

    /// <summary><c>POST /api/webhooks/bigcommerce</c>.</summary>
    public const string BigCommerceWebhook = nameof(BigCommerceWebhook);

    /// <summary><c>POST /api/events</c>: the track API.</summary>
    public const string TrackEvents = nameof(TrackEvents);

    /// <summary><c>POST /api/webhooks/sendgrid</c>.</summary>
    public const string SendGridWebhook = nameof(SendGridWebhook);

    /// <summary><c>POST /api/webhooks/twilio/status</c>.</summary>
    public const string TwilioStatusWebhook = nameof(TwilioStatusWebhook);

    /// <summary><c>POST /api/webhooks/twilio/inbound</c>.</summary>
    public const string TwilioInboundWebhook = nameof(TwilioInboundWebhook);

    /// <summary><c>POST /api/unsubscribe?token=...</c>: RFC 8058 one-click unsubscribe.</summary>
    public const string Unsubscribe = nameof(Unsubscribe);

    /// <summary><c>GET /api/unsubscribe?token=...</c>: the unsubscribe confirmation page.</summary>
    public const string UnsubscribePage = nameof(UnsubscribePage);

    /// <summary>The <c>events-inbound</c> queue function.</summary>
    public const string ProcessInboundEvent = nameof(ProcessInboundEvent);

    /// <summary><c>GET /api/contacts/{id}</c>.</summary>
    public const string GetContact = nameof(GetContact);

    /// <summary><c>GET /api/contacts/{id}/export</c>.</summary>
    public const string ExportContact = nameof(ExportContact);

    /// <summary><c>PATCH /api/contacts/{id}</c>.</summary>
    public const string UpdateContact = nameof(UpdateContact);

    /// <summary><c>DELETE /api/contacts/{id}</c>.</summary>
    public const string DeleteContact = nameof(DeleteContact);

    /// <summary><c>POST /api/journeys/{journeyId}/start</c>: starts a journey for one contact.</summary>
    public const string StartJourney = nameof(StartJourney);

    /// <summary><c>GET /api/journeys/instances/{instanceId}</c>: an instance with its timeline.</summary>
    public const string GetJourneyInstance = nameof(GetJourneyInstance);

    /// <summary><c>POST /api/journeys/instances/{instanceId}/cancel</c>: cancels an instance.</summary>
    public const string CancelJourneyInstance = nameof(CancelJourneyInstance);

    /// <summary><c>POST /api/journeys/instances/{instanceId}/pause</c>: pauses one instance.</summary>
    public const string PauseJourneyInstance = nameof(PauseJourneyInstance);

    /// <summary><c>POST /api/journeys/instances/{instanceId}/resume</c>: resumes one paused instance.</summary>
    public const string ResumeJourneyInstance = nameof(ResumeJourneyInstance);

    /// <summary><c>GET /api/outbox</c>: what the outbox channel recorded.</summary>
    public const string ListOutbox = nameof(ListOutbox);

    /// <summary><c>PUT /api/journeys/{journeyId}/draft</c>.</summary>
    public const string SaveJourneyDraft = nameof(SaveJourneyDraft);

    /// <summary><c>GET /api/journeys</c>: every journey with its latest version, pause state and draft.</summary>
    public const string ListJourneys = nameof(ListJourneys);

    /// <summary><c>GET /api/journeys/{journeyId}/draft</c>: the stored draft and its validation report.</summary>
    public const string GetJourneyDraft = nameof(GetJourneyDraft);

    /// <summary><c>GET /api/journeys/{journeyId}/versions/{version}</c>: one published document.</summary>
    public const string GetJourneyVersion = nameof(GetJourneyVersion);

    /// <summary><c>POST /api/journeys/{journeyId}/validate</c>.</summary>
    public const string ValidateJourney = nameof(ValidateJourney);

    /// <summary><c>POST /api/journeys/{journeyId}/publish</c>.</summary>
    public const string PublishJourney = nameof(PublishJourney);

    /// <summary><c>GET /api/journeys/{journeyId}/versions</c>.</summary>
    public const string ListJourneyVersions = nameof(ListJourneyVersions);

    /// <summary><c>POST /api/journeys/{journeyId}/pause</c>.</summary>
    public const string PauseJourney = nameof(PauseJourney);

    /// <summary><c>POST /api/journeys/{journeyId}/resume</c>.</summary>
    public const string ResumeJourney = nameof(ResumeJourney);

    /// <summary><c>GET /api/journeys/instances</c>.</summary>
    public const string ListJourneyInstances = nameof(ListJourneyInstances);

    /// <summary><c>PUT /api/templates/{templateId}</c>: creates or replaces a message template.</summary>
    public const string SaveTemplate = nameof(SaveTemplate);

    /// <summary><c>GET /api/templates/{templateId}</c>.</summary>
    public const string GetTemplate = nameof(GetTemplate);

    /// <summary><c>GET /api/templates</c>.</summary>
    public const string ListTemplates = nameof(ListTemplates);

    /// <summary><c>POST /api/templates/{templateId}/preview</c>: renders a template with sample values.</summary>
    public const string PreviewTemplate = nameof(PreviewTemplate);

    /// <summary><c>POST /api/journeys/{journeyId}/batch-starts</c>: starts a journey for a list of contacts or a segment.</summary>
    public const string CreateJourneyBatch = nameof(CreateJourneyBatch);

    /// <summary><c>GET /api/journeys/batches/{batchId}</c>: a batch start's progress.</summary>
    public const string GetJourneyBatch = nameof(GetJourneyBatch);

    /// <summary>Queue <c>journey-batches</c>: one page of a list or segment start.</summary>
    public const string StartJourneyBatch = nameof(StartJourneyBatch);

    /// <summary>Timer: builds and stores the shop's send-time pattern.</summary>
    public const string LearnShopSendTimes = nameof(LearnShopSendTimes);

    /// <summary><c>GET /api/contacts/{id}/send-time</c>: the contact's best send time in a window, explained.</summary>
    public const string GetContactSendTime = nameof(GetContactSendTime);

    /// <summary><c>POST /api/send-times</c>: best send times for up to 1,000 contacts.</summary>
    public const string AdviseSendTimes = nameof(AdviseSendTimes);

    /// <summary>Timer: computes and stores the retention report.</summary>
    public const string ComputeRetention = nameof(ComputeRetention);

    /// <summary>Timer: computes and stores the campaign report (journey funnels, attribution, experiments, costs).</summary>
    public const string ComputeCampaignMetrics = nameof(ComputeCampaignMetrics);

    /// <summary>Timer: scores contacts (lifecycle, RFM, portrait), raises stage changes and stores the lifecycle report.</summary>
    public const string ScoreContacts = nameof(ScoreContacts);

    /// <summary><c>GET /api/reports/retention</c>: the stored retention report, as JSON or CSV.</summary>
    public const string GetRetentionReport = nameof(GetRetentionReport);

    /// <summary><c>GET /api/reports/lifecycle</c>: the stored lifecycle and RFM distribution, as JSON or CSV.</summary>
    public const string GetLifecycleReport = nameof(GetLifecycleReport);

    /// <summary><c>GET /api/reports/journeys</c>: the stored journey funnels, uplift and send-time experiment, as JSON or CSV.</summary>
    public const string GetJourneyReport = nameof(GetJourneyReport);

    /// <summary><c>GET /api/dashboard</c>: the reports dashboard page.</summary>
    public const string GetDashboard = nameof(GetDashboard);

    /// <summary><c>POST /api/reports/recompute</c> (admin): rebuilds the reports from the raw events.</summary>
    public const string RecomputeReports = nameof(RecomputeReports);

    /// <summary><c>GET /api/openapi.json</c>.</summary>
    public const string OpenApi = nameof(OpenApi);
}
