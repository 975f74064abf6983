namespace Nurture.LocalHost.Tests.Samples;

/// <summary>A service the sample activities get from DI, to show function classes are created with their dependencies.</summary>
public sealed class Greeter
{
    public string Greet(string name) => $"Hello, {name}!";
}
