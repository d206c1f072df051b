using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MultiModel.ServiceDefaults;

namespace MultiModel.Router.Tests;

/// <summary>A bad setting stops the router at start with a message that names the setting and what it expects.</summary>
public sealed class OptionsValidationTests
{
    /// <remarks>
    /// The app is built, not started, and the start-up validator that ValidateOnStart registers is run directly:
    /// through WebApplicationFactory a start that fails sometimes surfaces as an ObjectDisposedException from the
    /// factory's deferred host instead of the validation error.
    /// </remarks>
    [Theory]
    [InlineData("Router:Rules:PollInterval", "00:00:00", "Router:Rules:PollInterval must be between 00:00:01 and 01:00:00")]
    [InlineData("Router:Rules:SsmPath", "multimodel/routes", "Router:Rules:SsmPath must start with '/'")]
    [InlineData("Router:Rules:SsmServiceUrl", "not a url", "Router:Rules:SsmServiceUrl 'not a url' is not an absolute URL")]
    [InlineData("Router:Rules:Source", "Dynamo", "Router:Rules:Source")]
    [InlineData("Router:DefaultTarget", "ftp://files", "Router:DefaultTarget 'ftp://files' is not an absolute http or https URL")]
    [InlineData("Router:Forwarding:MaxRetryAttempts", "9", "Router:Forwarding:MaxRetryAttempts must be between 0 and 5")]
    [InlineData("Router:Forwarding:DefaultTimeout", "00:30:00", "Router:Forwarding:DefaultTimeout must be between")]
    [InlineData("Router:Forwarding:BreakerFailureRatio", "0", "Router:Forwarding:BreakerFailureRatio must be between 0.01 and 1")]
    [InlineData("Router:Logging:SuccessSampleEvery", "0", "Router:Logging:SuccessSampleEvery must be between 1 and 1000000")]
    [InlineData("Router:Logging:SlowUpstream", "-00:00:01", "Router:Logging:SlowUpstream must be between")]
    public void Start_InvalidSetting_FailsNamingTheSetting(string key, string value, string expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddRouter();
        using var app = builder.Build();

        var error = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSettings_TwoOutOfRange_OneLineEachNamingItsSection()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Router:Forwarding:MaxRetryAttempts"] = "9",
            ["Router:Logging:SuccessSampleEvery"] = "0",
        });
        builder.AddRouter();
        using var app = builder.Build();

        var lines = app.InvalidSettings()?.Split(Environment.NewLine) ?? [];

        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, line => line.StartsWith("Invalid setting in Router:Forwarding: ", StringComparison.Ordinal)
            && line.Contains("Router:Forwarding:MaxRetryAttempts must be between 0 and 5", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Invalid setting in Router:Logging: ", StringComparison.Ordinal)
            && line.Contains("Router:Logging:SuccessSampleEvery must be between 1 and 1000000", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidSettings_Defaults_None()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddRouter();
        using var app = builder.Build();

        Assert.Null(app.InvalidSettings());
    }
}
