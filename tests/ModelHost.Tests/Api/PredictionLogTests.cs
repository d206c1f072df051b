using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;
using Serilog.Core;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>The per-prediction log line is written after the response is complete, and never left out.</summary>
public sealed class PredictionLogTests : IDisposable
{
    private readonly ModelHostApp _app = new(new() { ["Serilog:MinimumLevel:Default"] = "Information" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Predict_LogLineHeldUp_ClientHasTheWholeResponseAndTheLineFollows()
    {
        _app.AddModel("mlp", 1, TestModelFactory.Mlp(2, 3, 2));
        var sink = new GatedLogSink("Prediction");
        using var host = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        host.UseKestrel(0); // a real server: the in-memory test server ends a response only when its handler returns
        host.StartServer();
        var client = host.CreateClient();

        // PostAsync returns once the whole body has arrived.
        var response = await client.PredictRawAsync("/models/mlp/predict", """{"inputs": {"x": [[1, 2]]}}""").WaitAsync(TimeSpan.FromSeconds(20));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"outputs\"", body, StringComparison.Ordinal);
        Assert.Empty(sink.Named("Prediction"));
        sink.Open();
        Assert.True(await Eventually.TrueAsync(() => sink.Named("Prediction").Count() == 1), "the prediction's line should be written");
    }
}
