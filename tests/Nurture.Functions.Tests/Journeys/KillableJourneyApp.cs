using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Connections;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>
/// The built app as a real process on an Azurite of its own (no other test's listener can take its queue
/// messages), started, SIGKILLed and restarted against the same storage; the journey stores are opened on that
/// storage too, for seeding and for checking outcomes.
/// </summary>
/// <remarks>
/// The app polls fast, holds a message it works on for only a few seconds (so a killed process's messages come
/// back soon), gives a crashed send's ledger reservation a short lease, and records every outbox channel call.
/// </remarks>
public sealed class KillableJourneyApp : IAsyncDisposable
{
    public const string FunctionKey = "kill-test-function-key";
    public const string ShopifySecret = "kill-test-shopify-secret";

    /// <summary>
    /// How long a Durable control or work-item message a process took stays hidden: what a killed process's messages
    /// wait before the next process sees them (10 s is the shortest the local engine accepts).
    /// </summary>
    public static readonly TimeSpan MessageHold = TimeSpan.FromSeconds(10);

    /// <summary>How long a send reservation left by a killed process keeps other attempts off its message.</summary>
    public static readonly TimeSpan SendAttemptLease = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly AzuriteProcess _azurite;
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _earlierOutput = new();
    private readonly List<HttpClient> _oldClients = [];
    private AppProcess? _app;
    private volatile HttpClient? _client;

    private KillableJourneyApp(AzuriteProcess azurite, Dictionary<string, string> environment)
    {
        _azurite = azurite;
        _environment = environment;
        var accounts = new TestStorageAccounts(StorageAccount.FromConnectionString(azurite.ConnectionString));
        Storage = new JourneyStorage(accounts, TimeProvider.System, new JourneyOptions { RecordOutboxAttempts = true, SendAttemptLease = SendAttemptLease });
        Profiles = new ProfileStore(accounts.Tables);
        Accounts = accounts;
    }

    /// <summary>The app's storage, opened by the test.</summary>
    public TestStorageAccounts Accounts { get; }

    /// <summary>The journey stores on the app's storage.</summary>
    public JourneyStorage Storage { get; }

    /// <summary>The profiles the app reads contacts from.</summary>
    public ProfileStore Profiles { get; }

    /// <summary>How many app processes were started so far.</summary>
    public int Starts { get; private set; }

    /// <summary>Console output of every process so far (for failure messages and counting log lines).</summary>
    public string Output => _earlierOutput + (_app?.Output ?? string.Empty);

    /// <summary>Starts Azurite, creates the stores and starts the first app process.</summary>
    /// <param name="settings">More app settings (environment variables), e.g. the channels to send through.</param>
    public static async Task<KillableJourneyApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var azurite = AzuriteProcess.Start();
        const string queues = "AzureFunctionsJobHost__extensions__queues__";
        const string durable = "AzureFunctionsJobHost__extensions__durableTask__";
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["FunctionKeys__Default"] = FunctionKey,
            ["FunctionKeys__MasterKey"] = FunctionKey + "-master",
            ["Ingestion__ShopifySecret"] = ShopifySecret,
            ["Ingestion__SuppressionSalt"] = "kill-test-suppression-salt",
            [queues + "maxPollingInterval"] = "00:00:00.250",
            [queues + "visibilityTimeout"] = "00:00:01",
            [durable + "hubName"] = "K" + Guid.NewGuid().ToString("N")[..12],
            [durable + "storageProvider__partitionCount"] = "2",
            [durable + "storageProvider__controlQueueVisibilityTimeout"] = MessageHold.ToString(),
            [durable + "storageProvider__workItemQueueVisibilityTimeout"] = MessageHold.ToString(),
            [durable + "storageProvider__maxQueuePollingInterval"] = "00:00:00.250",
            ["Journeys__SendAttemptLease"] = SendAttemptLease.ToString(),
            ["Journeys__RecordOutboxAttempts"] = "true",
            ["Journeys__FirstSendRetry"] = "00:00:01",
            ["Journeys__LongestSendRetry"] = "00:00:02",

            // Quiet hours would make the SMS step depend on when the test runs; caps would defer the second email.
            ["Journeys__SendPolicy__SmsQuietHours"] = "off",
            ["Journeys__SendPolicy__EmailCap"] = "off",
            ["Journeys__SendPolicy__SmsCap"] = "off",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var app = new KillableJourneyApp(azurite, environment);
        try
        {
            await app.Storage.EnsureCreatedAsync();
            await app.Profiles.InitializeAsync();
            await app.StartProcessAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a new app process against the same storage and waits until it answers.</summary>
    public async Task StartProcessAsync()
    {
        if (_app is { HasExited: false })
        {
            throw new InvalidOperationException("The app is already running.");
        }

        // Requests may still be on their way through the old client (to the dead process): keep it until the end.
        if (_client is { } old)
        {
            _oldClients.Add(old);
        }

        _app?.Dispose();
        _app = AppProcess.Start(_environment);
        Starts++;
        var client = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        _client = client;
        var app = _app;
        await Eventually.HoldsAsync(
            async () =>
            {
                if (app.HasExited)
                {
                    Assert.Fail("The app exited at start: " + app.Output);
                }

                try
                {
                    using var response = await client.GetAsync("api/health");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            StartDeadline,
            "the app answers /api/health");
    }

    /// <summary>SIGKILLs the running app process and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        var app = _app ?? throw new InvalidOperationException("No app is running.");
        await app.KillAsync(TimeSpan.FromSeconds(30));
        _earlierOutput.AppendLine($"----- process {Starts} killed -----").Append(app.Output);
    }

    /// <summary>Sends a request with the function key to the running app.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var client = _client ?? throw new InvalidOperationException("No app is running.");
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        return await client.SendAsync(request);
    }

    /// <summary>Posts a Shopify webhook signed with the test secret.</summary>
    public async Task<HttpResponseMessage> PostShopifyAsync(string topic, string json)
    {
        var client = _client ?? throw new InvalidOperationException("No app is running.");
        var bytes = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Event-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", "kill-test.myshopify.com");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), bytes)));
        return await client.SendAsync(request);
    }

    /// <summary>Saves a journey draft and publishes it over HTTP.</summary>
    public async Task PublishAsync(string journeyId, string document)
    {
        using var draft = new StringContent(document, Encoding.UTF8, "application/json");
        using (var saved = await _client!.PutAsync($"api/journeys/{journeyId}/draft", draft))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using var published = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/publish");
        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
    }

    /// <summary>Starts the journey for a contact over HTTP; the new instance's id.</summary>
    public async Task<string> StartInstanceAsync(string journeyId, string contactId)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/start", new { contact_id = contactId, request_key = "start-" + contactId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("instance_id").GetString()!;
    }

    /// <summary>
    /// Asks for a start the way a careful client does across a crash: the same request key until the app answers.
    /// The instance id follows from journey, contact and key, so a retry answered "already started" names it too.
    /// </summary>
    public async Task<string> StartInstanceWithRetriesAsync(string journeyId, string contactId, TimeSpan deadline)
    {
        var requestKey = "start-" + contactId;
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    using var response = await SendAsync(HttpMethod.Post, $"api/journeys/{journeyId}/start", new { contact_id = contactId, request_key = requestKey });
                    return response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // The process died under the request, or a new one is not listening yet.
                    return false;
                }
            },
            deadline,
            $"the start of contact {contactId}",
            TimeSpan.FromMilliseconds(200));
        return Core.Journeys.JourneyIds.InstanceId(journeyId, contactId, requestKey);
    }

    /// <summary>Stores a profile with an email and a phone, both consented.</summary>
    public Task SeedContactAsync(string contactId) => TestProfiles.SeedAsync(Profiles, contactId);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _oldClients.ForEach(c => c.Dispose());
        _app?.Dispose();
        _azurite.Dispose();
        await Task.CompletedTask;
    }
}
