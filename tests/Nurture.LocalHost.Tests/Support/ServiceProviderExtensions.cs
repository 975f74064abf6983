using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Tests.Apps;

namespace Nurture.LocalHost.Tests.Support;

public static class ServiceProviderExtensions
{
    /// <summary>The host's probe (a singleton of the test app).</summary>
    public static Probe GetProbe(this IServiceProvider services) => services.GetRequiredService<Probe>();
}
