using System.Security.Cryptography;
using System.Text;

namespace Nurture.Functions.Dashboard;

/// <summary>
/// The dashboard page, put together once from the embedded <c>dashboard.html</c>, <c>dashboard.css</c> and
/// <c>dashboard.js</c>: style and script inline, allowed by their hashes in the Content-Security-Policy, which
/// lets the page reach its own origin only.
/// </summary>
public sealed class DashboardPage
{
    /// <summary>The page's media type.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    private const string StyleMarker = "<!--style-->";
    private const string ScriptMarker = "<!--script-->";

    private static readonly Lazy<DashboardPage> Page = new(Load);

    private DashboardPage(string html, string contentSecurityPolicy)
    {
        Html = html;
        ContentSecurityPolicy = contentSecurityPolicy;
    }

    /// <summary>The page built from the assembly's resources.</summary>
    public static DashboardPage Instance => Page.Value;

    /// <summary>The whole page.</summary>
    public string Html { get; }

    /// <summary>The Content-Security-Policy header to serve it with.</summary>
    public string ContentSecurityPolicy { get; }

    private static DashboardPage Load()
    {
        var template = Resource("dashboard.html");
        var style = Resource("dashboard.css");
        var script = Resource("dashboard.js");
        if (!template.Contains(StyleMarker, StringComparison.Ordinal) || !template.Contains(ScriptMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"dashboard.html must hold {StyleMarker} and {ScriptMarker}.");
        }

        var html = template
            .Replace(StyleMarker, "<style>" + style + "</style>", StringComparison.Ordinal)
            .Replace(ScriptMarker, "<script>" + script + "</script>", StringComparison.Ordinal);
        var policy = $"default-src 'none'; connect-src 'self'; img-src 'self' data:; style-src '{Hash(style)}'; script-src '{Hash(script)}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return new DashboardPage(html, policy);
    }

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private static string Resource(string name)
    {
        var assembly = typeof(DashboardPage).Assembly;
        using var stream = assembly.GetManifestResourceStream(typeof(DashboardPage).Namespace + "." + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
