using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Nurture.Functions;
using Nurture.Functions.Hosting;

// The isolated worker, as the Functions host runs it in Azure. Locally and in tests Nurture.LocalHost runs the same
// function classes with the same services (AddNurture), because Core Tools cannot be installed here.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNurtureTelemetry();
builder.Services.AddNurture(builder.Configuration);
await builder.Build().RunAsync();
