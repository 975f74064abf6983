using Nurture.LocalHost.Metadata;

namespace Nurture.LocalHost.Tests.Metadata;

public sealed class FunctionMetadataReaderTests
{
    /// <summary>What the Worker SDK (2.1.0) writes for a small probe app, one function per trigger kind.</summary>
    private const string SdkOutput = """
        [
        {"name":"Hello","scriptFile":"fnprobe.dll","entryPoint":"Probe.Hello.Run","language":"dotnet-isolated","properties":{"IsCodeless":false},
         "bindings":[{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Function","methods":["get","post"],"route":"hello/{name}","properties":{}},
                     {"name":"$return","type":"http","direction":"Out"}]},
        {"name":"Q","scriptFile":"fnprobe.dll","entryPoint":"Probe.Hello.Q","language":"dotnet-isolated","properties":{"IsCodeless":false},"bindings":[{"name":"msg","direction":"In","type":"queueTrigger","dataType":"String","queueName":"%QName%","connection":"AzureWebJobsStorage","properties":{}}]},
        {"name":"T","scriptFile":"fnprobe.dll","entryPoint":"Probe.Hello.T","language":"dotnet-isolated","properties":{"IsCodeless":false},"bindings":[{"name":"t","direction":"In","type":"timerTrigger","schedule":"0 */5 * * * *","runOnStartup":false,"useMonitor":true,"properties":{}}]},
        {"name":"O","scriptFile":"fnprobe.dll","entryPoint":"Probe.Hello.O","language":"dotnet-isolated","properties":{"IsCodeless":false},"bindings":[{"name":"ctx","direction":"In","type":"orchestrationTrigger","properties":{}}]},
        {"name":"A","scriptFile":"fnprobe.dll","entryPoint":"Probe.Hello.A","language":"dotnet-isolated","properties":{"IsCodeless":false},"bindings":[{"name":"input","direction":"In","type":"activityTrigger","dataType":"String","properties":{}}]},
        {"name":"S","scriptFile":"fnprobe.dll","entryPoint":"Probe.Hello.S","language":"dotnet-isolated","properties":{"IsCodeless":false},"bindings":[{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Admin","methods":["post"],"properties":{}},{"name":"client","direction":"In","type":"durableClient","properties":{}},{"name":"$return","type":"http","direction":"Out"}]}
        ]
        """;

    [Fact]
    public void Parse_SdkOutput_ReadsEveryFunctionAndTheTriggerProperties()
    {
        var functions = FunctionMetadataReader.Parse(SdkOutput);

        Assert.Equal(["Hello", "Q", "T", "O", "A", "S"], functions.Select(f => f.Name));
        var hello = functions[0];
        Assert.Equal("fnprobe.dll", hello.ScriptFile);
        Assert.Equal("Probe.Hello.Run", hello.EntryPoint);
        var http = hello.Bindings[0];
        Assert.Equal(("req", "httpTrigger", true), (http.Name, http.Type, http.IsInput));
        Assert.Equal("Function", http.GetString("authLevel"));
        Assert.Equal(["get", "post"], http.GetStrings("methods"));
        Assert.Equal("hello/{name}", http.GetString("route"));
        Assert.Equal(("$return", "http", false), (hello.Bindings[1].Name, hello.Bindings[1].Type, hello.Bindings[1].IsInput));
        Assert.Equal("%QName%", functions[1].Bindings[0].GetString("queueName"));
        Assert.Equal("AzureWebJobsStorage", functions[1].Bindings[0].GetString("connection"));
        Assert.Equal("0 */5 * * * *", functions[2].Bindings[0].GetString("schedule"));
        Assert.False(functions[2].Bindings[0].GetBoolean("runOnStartup"));
        Assert.True(functions[2].Bindings[0].GetBoolean("useMonitor"));
        Assert.Equal("orchestrationTrigger", functions[3].Bindings[0].Type);
        Assert.Equal("activityTrigger", functions[4].Bindings[0].Type);
        Assert.Null(functions[5].Bindings[0].GetString("route"));
        Assert.Equal("durableClient", functions[5].Bindings[1].Type);
    }

    [Fact]
    public void Parse_DuplicateFunctionName_FailsNamingIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => FunctionMetadataReader.Parse(
            """[{"name":"Twice","entryPoint":"A.B.C","bindings":[]},{"name":"twice","entryPoint":"A.B.D","bindings":[]}]"""));

        Assert.Contains("'Twice'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BindingWithoutType_FailsNamingTheFunctionAndBinding()
    {
        var error = Assert.Throws<InvalidDataException>(() => FunctionMetadataReader.Parse(
            """[{"name":"F","entryPoint":"A.B.C","bindings":[{"name":"req","direction":"In"}]}]"""));

        Assert.Contains("function 'F'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'req'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_SaysTheSdkWritesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), FunctionMetadataReader.FileName);

        var error = Assert.Throws<FileNotFoundException>(() => FunctionMetadataReader.Read(path));

        Assert.Contains("Worker SDK", error.Message, StringComparison.Ordinal);
    }
}
