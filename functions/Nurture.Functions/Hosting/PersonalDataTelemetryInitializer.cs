using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace Nurture.Functions.Hosting;

/// <summary>
/// Removes from every telemetry item what could identify a person: the client IP, user and session ids, and the
/// query string of dependency URLs (unsubscribe tokens and provider lookups can carry recipients there).
/// </summary>
public sealed class PersonalDataTelemetryInitializer : ITelemetryInitializer
{
    /// <inheritdoc />
    public void Initialize(ITelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);

        // "0.0.0.0" tells the ingestion endpoint not to fill in the sender's address itself.
        telemetry.Context.Location.Ip = "0.0.0.0";
        telemetry.Context.User.Id = null;
        telemetry.Context.User.AuthenticatedUserId = null;
        telemetry.Context.User.AccountId = null;
        telemetry.Context.Session.Id = null;
        switch (telemetry)
        {
            case DependencyTelemetry dependency when Uri.TryCreate(dependency.Data, UriKind.Absolute, out var uri) && uri.Query.Length > 0:
                dependency.Data = uri.GetLeftPart(UriPartial.Path);
                break;
            case RequestTelemetry request when request.Url is { Query.Length: > 0 } url:
                request.Url = new Uri(url.GetLeftPart(UriPartial.Path));
                break;
        }
    }
}
