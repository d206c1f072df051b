using Microsoft.AspNetCore.Builder;
using MultiModel.ModelHost.Hosting;
using MultiModel.ModelHost.Storage;
using MultiModel.ServiceDefaults;
using MultiModel.ModelHostProcess;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>
/// ModelHost:Store:Kind picks the store; a value that names none stops the host at start with one line naming the
/// setting and its valid values, and exit code 1, not a stack trace.
/// </summary>
public sealed class ModelStoreSettingsTests
{
    [Theory]
    [InlineData(null, ModelStoreKind.Local)]
    [InlineData("", ModelStoreKind.Local)]
    [InlineData("Local", ModelStoreKind.Local)]
    [InlineData("s3", ModelStoreKind.S3)]
    [InlineData("S3", ModelStoreKind.S3)]
    public void TryParse_NameOfAKind_ThatKind(string? value, ModelStoreKind expected)
    {
        Assert.True(ModelStoreKinds.TryParse(value, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("S4")]
    [InlineData("Azure")]
    [InlineData("1")]
    [InlineData("Local,S3")]
    public void AddModelHost_KindThatNamesNoStore_ThrowsTheOneLineNamingTheSettingAndItsValues(string kind)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ModelHost:Store:Kind"] = kind;

        var error = Assert.Throws<InvalidSettingException>(() => builder.AddModelHost());

        Assert.Equal($"ModelHost:Store:Kind is '{kind}'; valid values: Local, S3.", error.Message);
    }

    /// <remarks>
    /// Twelve starts, not one: the exit once raced ONNX Runtime's native start on its background thread and crashed the
    /// process (exit 134 or 139) in about one start in fifteen.
    /// </remarks>
    [Fact]
    public async Task Start_KindThatNamesNoStore_ExitsOneWithTheLineAndNoStackTrace()
    {
        for (var start = 0; start < 12; start++)
        {
            var exit = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["ModelHost__Store__Kind"] = "S4" }, TimeSpan.FromSeconds(60));

            Assert.True(exit.ExitCode == 1, $"start {start + 1}: {exit}");
            Assert.Contains("ModelHost:Store:Kind is 'S4'; valid values: Local, S3.", exit.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", exit.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", exit.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_SettingOutOfRange_ExitsOneWithTheLineNamingItAndNoStackTrace()
    {
        var exit = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["ModelHost__Cache__MaxConcurrentLoads"] = "0" }, TimeSpan.FromSeconds(60));

        Assert.True(exit.ExitCode == 1, exit.ToString());
        Assert.Contains("Invalid setting in ModelHost:Cache: MaxConcurrentLoads: The field MaxConcurrentLoads must be between 1 and 64.", exit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", exit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", exit.Output, StringComparison.Ordinal);
    }
}
