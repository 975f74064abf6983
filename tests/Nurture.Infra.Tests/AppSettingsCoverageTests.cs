using System.Text.RegularExpressions;
using Nurture.Infra.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nurture.Infra.Tests;

/// <summary>
/// The settings the app reads (local.settings.sample.json) against the settings infra/main.bicep
/// provisions on the function app and those infra/settings-not-provisioned.json documents as optional or
/// local-only. All three are read at test time, so a change to any of them is checked as it lands.
/// </summary>
public sealed partial class AppSettingsCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EverySettingTheAppReads_IsProvisionedOrDocumentedAsNotProvisioned()
    {
        var provisioned = await ProvisionedNamesAsync();
        var documented = SettingsFiles.SettingsNotProvisioned().Keys.Select(SettingNames.Normalize).ToHashSet(SettingNames.Comparer);

        var missing = SettingsFiles.SettingsTheAppReads()
            .Where(name => !SettingNames.IsSupplied(name, provisioned) && !documented.Contains(SettingNames.Normalize(name)))
            .ToList();

        Assert.True(
            missing.Count == 0,
            $"Read by the app ({SettingsFiles.SamplePath}) but neither provisioned by infra/main.bicep nor documented in " +
            $"{SettingsFiles.NotProvisionedPath}: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryDocumentedSetting_IsStillReadByTheApp()
    {
        var read = SettingsFiles.SettingsTheAppReads().Select(SettingNames.Normalize).ToHashSet(SettingNames.Comparer);

        var stale = SettingsFiles.SettingsNotProvisioned().Keys.Where(name => !read.Contains(SettingNames.Normalize(name))).ToList();

        Assert.True(
            stale.Count == 0,
            $"Documented in {SettingsFiles.NotProvisionedPath} but no longer read by the app ({SettingsFiles.SamplePath}): {string.Join(", ", stale)}");
    }

    [Fact]
    public void EveryDocumentedSetting_GivesAReason()
    {
        var unexplained = SettingsFiles.SettingsNotProvisioned().Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList();

        Assert.True(unexplained.Count == 0, $"No reason given in {SettingsFiles.NotProvisionedPath} for: {string.Join(", ", unexplained)}");
    }

    [Fact]
    public async Task NoDocumentedSetting_IsProvisionedAnyway()
    {
        var provisioned = await ProvisionedNamesAsync();

        var contradicted = SettingsFiles.SettingsNotProvisioned().Keys.Where(name => SettingNames.IsSupplied(name, provisioned)).ToList();

        Assert.True(
            contradicted.Count == 0,
            $"Documented as not provisioned in {SettingsFiles.NotProvisionedPath} yet provisioned by infra/main.bicep: {string.Join(", ", contradicted)}");
    }

    [Fact]
    public async Task ProvisionedSettingNames_AreValidOnLinux()
    {
        var settings = (await MainTemplate.GetAsync()).ProvisionedAppSettings();

        // Linux app settings allow letters, digits, periods and underscores only (no ':' separator).
        var invalid = settings.Keys.Where(name => !LinuxSettingName().IsMatch(name)).ToList();

        Assert.True(invalid.Count == 0, $"Not valid as Linux app setting names: {string.Join(", ", invalid)}");
    }

    [Fact]
    public async Task SecureParameters_ReachTheAppOnlyThroughKeyVaultReferences()
    {
        var template = await MainTemplate.GetAsync();
        var secure = template.SecureParameters;
        Assert.NotEmpty(secure);

        // A secure parameter may decide whether a setting is empty; its value must never be the setting.
        var leaking = template.ProvisionedAppSettings()
            .Where(setting => ParameterReference().Matches(EmptinessCheck().Replace(setting.Value, ""))
                .Any(match => secure.Contains(match.Groups["name"].Value)))
            .Select(setting => setting.Key)
            .ToList();

        Assert.True(leaking.Count == 0, $"App settings that carry a secure parameter instead of a Key Vault reference: {string.Join(", ", leaking)}");
    }

    [Fact]
    public async Task SettingsTheTemplateAddsForTheApp_AreListed()
    {
        // Not a failure: settings the template provisions ahead of the app reading them, for the record.
        var read = SettingsFiles.SettingsTheAppReads().Select(SettingNames.Normalize).ToList();
        var provisioned = await ProvisionedNamesAsync();

        var ahead = provisioned.Where(name => !read.Any(key => SettingNames.IsSupplied(key, [name]))).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"Provisioned, not (yet) in {SettingsFiles.SamplePath}: {string.Join(", ", ahead)}");

        Assert.NotEmpty(provisioned);
    }

    private static async Task<IReadOnlyList<string>> ProvisionedNamesAsync() =>
        (await MainTemplate.GetAsync()).ProvisionedAppSettings().Keys.Select(SettingNames.Normalize).ToList();

    [GeneratedRegex("^[A-Za-z0-9_.]+$")]
    private static partial Regex LinuxSettingName();

    [GeneratedRegex(@"parameters\('(?<name>[^']+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"empty\(parameters\('[^']+'\)\)")]
    private static partial Regex EmptinessCheck();
}
