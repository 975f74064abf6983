using Nurture.LocalHost;
using Nurture.LocalHost.SampleApp;

// The app's functions.metadata and host.json are next to this assembly (the Worker SDK's build output).
var app = LocalAppDescription.ForAssembly(typeof(SampleFunctions).Assembly, SampleFunctions.AddServices);
await LocalFunctionHost.CreateBuilder(args, app).Build().RunAsync();
return 0;
