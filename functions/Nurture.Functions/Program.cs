using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Nurture.Functions;

// The isolated worker, as the Functions host runs it in Azure. Locally and in tests Nurture.LocalHost runs the same
// function classes with the same services (AddNurture), because Core Tools cannot be installed here.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNurture(builder.Configuration);
await builder.Build().RunAsync();
