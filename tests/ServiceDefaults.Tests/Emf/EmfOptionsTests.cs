using Microsoft.Extensions.Configuration;

namespace MultiModel.ServiceDefaults.Tests.Emf;

/// <summary>EMF settings are checked at start, with a message that names what is wrong.</summary>
public sealed class EmfOptionsTests
{
    [Theory]
    [InlineData("Metrics:Emf:Enabled", "true", "AWS_LAMBDA_FUNCTION_NAME is not set")]
    [InlineData("Metrics:Emf:MaxDimensionValues", "0", "MaxDimensionValues")]
    [InlineData("Metrics:Emf:Namespace", "", "Namespace")]
    [InlineData("Metrics:Emf:GaugeInterval", "02:00:00", "GaugeInterval")]
    public void Read_InvalidSetting_FailsNamingIt(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var failure = Assert.Throws<InvalidOperationException>(() => MetricsOptions.Read(configuration));

        Assert.Contains("Metrics:Emf is invalid", failure.Message, StringComparison.Ordinal);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OnLambda_TakesTheFunctionNameFromLambdasVariable()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:Emf:Enabled"] = "true",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "modelhost-prod",
        }).Build();

        var options = MetricsOptions.Read(configuration);

        Assert.Equal(("modelhost-prod", "MultiModel", 100), (options.Emf.FunctionName, options.Emf.Namespace, options.Emf.MaxDimensionValues));
    }
}
