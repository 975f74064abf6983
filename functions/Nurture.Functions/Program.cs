using Nurture.Functions.Catalog;
using Nurture.Functions.CustomHandler;
using Nurture.Functions.Hosting;

var metadataSwitch = Array.IndexOf(args, FunctionMetadataWriter.CommandSwitch);
var hostArgs = metadataSwitch < 0 ? args : args.Where((_, i) => i != metadataSwitch && i != metadataSwitch + 1).ToArray();
var builder = NurtureHost.CreateBuilder(hostArgs);
builder.Services.AddNurtureFunctions();

if (metadataSwitch >= 0)
{
    if (metadataSwitch + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Usage: Nurture.Functions {FunctionMetadataWriter.CommandSwitch} <publish folder>");
        return 2;
    }

    foreach (var path in NurtureHost.WriteFunctionMetadata(builder, args[metadataSwitch + 1]))
    {
        Console.WriteLine($"Wrote {path}");
    }

    return 0;
}

await NurtureHost.Build(builder).RunAsync();
return 0;
