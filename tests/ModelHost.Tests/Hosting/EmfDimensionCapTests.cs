using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.ServiceDefaults.Emf;
using MultiModel.TestModels;
using MultiModel.Tests.Shared;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>The cap on distinct ModelId values per process: past it, a model's measurements are published with FunctionName only.</summary>
public sealed class EmfDimensionCapTests
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    [Fact]
    public async Task Flush_ModelsPastTheCap_CountedInTheProcessDocumentAndNeverADimensionValue()
    {
        var output = new LineCapture();
        using var host = new ModelHostApp(new()
        {
            ["Metrics:Emf:Enabled"] = "true",
            ["Metrics:Emf:MaxDimensionValues"] = "2",
            ["Metrics:Emf:GaugeInterval"] = "00:00:00",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "cap-test",
        });
        string[] models = ["cap-a", "cap-b", "cap-c"];
        foreach (var model in models)
        {
            host.AddModel(model, 1, TestModelFactory.Mlp(2, 8, 2));
        }

        using var app = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(new EmfOutput(output))));
        var client = app.CreateClient();
        var invocations = new List<IReadOnlyList<EmfDocument>>();
        foreach (var model in (string[])[.. models, "cap-a"])
        {
            var seen = EmfLog.Documents(output.Lines).Count;
            Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync($"/models/{model}/predict", Body)).StatusCode);
            invocations.Add(await EmfLog.NextInvocationAsync(() => output.Lines, seen));
        }

        Assert.Equal("cap-a", Assert.Single(invocations[0], document => document.Member("ModelId") is not null).Member("ModelId"));
        Assert.Equal("cap-b", Assert.Single(invocations[1], document => document.Member("ModelId") is not null).Member("ModelId"));
        var capped = Assert.Single(invocations[2]);
        Assert.Equal((1, 1), (capped.Value("Predictions"), capped.Value("ModelLoads")));
        Assert.True(capped.Members.ContainsKey("MeasurementsOverDimensionCap"), capped.Line);
        Assert.Equal("cap-a", Assert.Single(invocations[3], document => document.Member("ModelId") is not null).Member("ModelId"));
        Assert.All(output.Lines, line => Assert.DoesNotContain("cap-c", line, StringComparison.Ordinal));
    }
}
