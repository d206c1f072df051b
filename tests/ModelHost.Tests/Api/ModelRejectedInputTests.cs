using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>
/// Input that passes the signature but fails inside the model (an odd image size for a model that halves and doubles
/// it, as PP-OCR's detector fails off multiples of 32): the caller gets ONNX Runtime's own message as a 4xx, and the
/// log line has the request's real cache result and timings.
/// </summary>
public sealed class ModelRejectedInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly ModelHostApp _app = new(new() { ["Serilog:MinimumLevel:Default"] = "Information" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Predict_SizeTheModelsLayersCannotSum_Gets422WithTheModelsOwnMessageWithoutServerPaths()
    {
        _app.AddModel("detector", 1, TestModelFactory.StrideSensitive());
        var client = _app.CreateClient();

        var even = await client.PredictRawAsync("/models/detector/predict", Image(32));
        var odd = await client.PredictRawAsync("/models/detector/predict", Image(33));
        var oddOnV2 = await client.PredictRawAsync("/v2/models/detector/infer", OpenInferenceImage(33));

        Assert.Equal(HttpStatusCode.OK, even.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, odd.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oddOnV2.StatusCode);
        var detail = (await odd.JsonAsync()).GetProperty("detail").GetString()!;
        output.WriteLine(detail);
        Assert.StartsWith("The model could not run on this input: ", detail, StringComparison.Ordinal);
        Assert.Contains("skip", detail, StringComparison.Ordinal); // the node that failed, by its name in the model
        Assert.Contains("34", detail, StringComparison.Ordinal); // the size it met
        Assert.DoesNotMatch(@"/[\w.-]+/[\w.-]+\.(h|cc|cpp):", detail); // ONNX Runtime's source paths are the server's business
        Assert.Contains("skip", (await oddOnV2.JsonAsync()).GetProperty("error").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_SizeTheModelsLayersCannotSum_LogsTheRealCacheResultAndTimings()
    {
        _app.AddModel("detector", 1, TestModelFactory.StrideSensitive());
        var sink = new GatedLogSink("none");
        sink.Open();
        using var host = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var client = host.CreateClient();

        var odd = await client.PredictRawAsync("/models/detector/predict", Image(33));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, odd.StatusCode);
        LogEvent? line = null;
        Assert.True(await Eventually.TrueAsync(() => (line = sink.Named("Prediction").SingleOrDefault()) is not null), "the prediction's line");
        Assert.Equal(("422", "\"miss\""), (Property(line!, "Status"), Property(line!, "CacheResult")));
        Assert.True(Milliseconds(line!, "LoadMs") > 0, "the load's time");
        Assert.True(Milliseconds(line!, "InferenceMs") > 0, "the failed run's time");
    }

    private static string Image(int size) =>
        JsonSerializer.Serialize(new { inputs = new { image = new { shape = new[] { 1, 1, size, size }, data = new float[size * size] } } });

    private static string OpenInferenceImage(int size) => JsonSerializer.Serialize(new
    {
        inputs = new[] { new { name = "image", shape = new[] { 1, 1, size, size }, datatype = "FP32", data = new float[size * size] } },
    });

    private static string Property(LogEvent line, string name) => line.Properties[name].ToString();

    private static double Milliseconds(LogEvent line, string name) => double.Parse(Property(line, name), CultureInfo.InvariantCulture);
}
