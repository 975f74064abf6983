using Nurture.Functions;
using Nurture.LocalHost;

// Runs the Nurture function app as the Functions host would: the same compiled function classes, read from the
// functions.metadata and host.json the Worker SDK wrote next to them, with the app's own services (AddNurture).
var app = LocalAppDescription.ForAssembly(typeof(NurtureServiceCollectionExtensions).Assembly, (services, configuration) => services.AddNurture(configuration));
await LocalFunctionHost.CreateBuilder(args, app).Build().RunAsync();
return 0;
