using System.Collections.Concurrent;
using Microsoft.Playwright;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Dashboard.Tests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright's bundled driver, headless, with a fresh profile
/// and the flags that keep it off the network on its own; every request a page makes is logged, and any to a host
/// other than loopback is refused and kept for the test to fail on.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    /// <summary>The browser the machine's setup installs (scripts/test.sh).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;

    private DashboardBrowser(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
    }

    /// <summary>Every URL a page asked for, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Requests to anything but loopback, refused.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>Console errors and uncaught exceptions (a Content-Security-Policy violation shows here).</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Where this run's screenshots go: <c>TestResults/dashboard</c> at the repository root (git-ignored).</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(NodeScript.RepositoryRoot(), "TestResults", "dashboard")).FullName;

    /// <summary>Starts the browser.</summary>
    public static async Task<DashboardBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium (apt-get install chromium).");
        var profile = Directory.CreateTempSubdirectory("nurture-dashboard-profile-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Timeout = 60_000,
        });
        var browser = new DashboardBrowser(playwright, context, profile);
        await context.RouteAsync("**/*", browser.RouteAsync);
        context.Request += (_, request) => browser.Requests.Enqueue(request.Url);
        return browser;
    }

    /// <summary>Opens a page at <paramref name="url"/>; its console errors are collected.</summary>
    public async Task<(IPage Page, IResponse? Response)> OpenAsync(Uri url)
    {
        var page = await _context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Enqueue(error);
        var response = await page.GotoAsync(url.ToString(), new PageGotoOptions { Timeout = 30_000 });
        return (page, response);
    }

    /// <summary>A full-page screenshot into <see cref="ScreenshotFolder"/>.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp folder is left for the system to clean.
        }
    }

    private async Task RouteAsync(IRoute route)
    {
        var uri = new Uri(route.Request.Url);
        if (uri.IsLoopback)
        {
            await route.ContinueAsync();
            return;
        }

        Refused.Enqueue(route.Request.Url);
        await route.AbortAsync();
    }
}
