using Microsoft.Extensions.Configuration;
using MultiModel.ServiceDefaults;
using MultiModel.ServiceDefaults.Lambda;

namespace MultiModel.ServiceDefaults.Tests.Lambda;

public sealed class LambdaEventSourceSettingTests
{
    [Theory]
    [InlineData(null, LambdaEventSourceKind.HttpApi)]
    [InlineData("", LambdaEventSourceKind.HttpApi)]
    [InlineData("HttpApi", LambdaEventSourceKind.HttpApi)]
    [InlineData("RestApi", LambdaEventSourceKind.RestApi)]
    [InlineData("restapi", LambdaEventSourceKind.RestApi)]
    [InlineData(" RestApi ", LambdaEventSourceKind.RestApi)]
    public void Read_ValidOrUnsetValue_GivesItsKind(string? value, LambdaEventSourceKind expected)
    {
        Assert.Equal(expected, LambdaEventSourceSetting.Read(Configuration(value)));
    }

    [Theory]
    [InlineData("Rest")]
    [InlineData("1")]
    [InlineData("ApplicationLoadBalancer")]
    public void Read_UnknownValue_RefusesNamingTheSettingAndTheValidValues(string value)
    {
        var error = Assert.Throws<InvalidSettingException>(() => LambdaEventSourceSetting.Read(Configuration(value)));

        Assert.StartsWith($"MULTIMODEL_LAMBDA_EVENT_SOURCE is '{value}'; valid values: HttpApi, RestApi", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [LambdaEventSourceSetting.Name] = value })
        .Build();
}
