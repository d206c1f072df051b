using System.Net;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHostProcess;
using MultiModel.TestModels;
using MultiModel.Tests.Shared;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>
/// The real host started as Lambda starts it (AWS_LAMBDA_FUNCTION_NAME set: EMF on, the scrape endpoint off), its
/// stdout read as CloudWatch Logs reads it: every EMF line checked against the specification, one invocation at a time.
/// </summary>
public sealed class EmfMetricsTests : IAsyncLifetime
{
    private const string FunctionName = "multimodel-emf-test";
    private const string Model = "emf-model";
    private const string Unknown = "emf-never-uploaded";
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    private readonly string _root = Directory.CreateTempSubdirectory("modelhost-emf-").FullName;
    private readonly HttpClient _client = new();
    private HostProcess _host = null!;
    private string _modelPath = null!;

    public async Task InitializeAsync()
    {
        _modelPath = TestModelFactory.WriteToStore(_root, Model, 1, TestModelFactory.Mlp(2, 8, 2));
        // Gauges read at every invocation (not every 10 s): each invocation then ends with its process document.
        _host = await HostProcess.StartAsync(_root, new Dictionary<string, string>
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = FunctionName,
            ["Metrics__Emf__GaugeInterval"] = "00:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Invocations_OnLambda_OneDocumentPerModelPerInvocationAndAProcessDocumentWithinTheSpecification()
    {
        var load = await InvokeAsync($"/models/{Model}/predict", Body, HttpStatusCode.OK);
        var model = Assert.Single(load, document => document.Member("ModelId") is not null);
        Assert.Equal(Model, model.Member("ModelId"));
        Assert.Equal("1", model.Member("ModelVersion"));
        Assert.Equal(FunctionName, model.Member("FunctionName"));
        Assert.Equal("MultiModel", model.Namespace);
        Assert.Equal("FunctionName|FunctionName,ModelId", model.DimensionSetsText);
        Assert.Equal((1, 0, 0, 1, 1), (model.Value("Predictions"), model.Value("ClientErrors"), model.Value("ServerErrors"), model.Value("CacheMisses"), model.Value("ModelLoads")));
        Assert.Equal(("Milliseconds", 1), (model.Metrics["PredictionDuration"].Unit, model.Samples("PredictionDuration")));
        Assert.Equal(1, model.Samples("InferenceDuration"));
        Assert.Equal(1, model.Samples("LoadDuration"));
        Assert.True(model.Values("LoadDuration")[0] < model.Values("PredictionDuration")[0], "the load is part of the cold prediction");
        Assert.False(model.Has("CacheHits"));
        Assert.Equal(("Bytes", new FileInfo(_modelPath).Length), (model.Metrics["DownloadBytes"].Unit, (long)model.Values("DownloadBytes")[0]));
        Assert.Equal(1, model.Samples("DownloadDuration"));

        var process = load[^1];
        Assert.Equal("FunctionName", process.DimensionSetsText);
        Assert.True(process.Value("ResidentMemory") > 0 && process.Value("CacheMemoryLimit") > 0);
        Assert.True(process.Value("CacheMemoryUsage") > 0, "the loaded model is charged");
        Assert.Equal(0, process.Value("ActiveLoads"));
        Assert.False(process.Has("Predictions"), "every prediction of this invocation named its model");

        var warm = Assert.Single(await InvokeAsync($"/models/{Model}/predict", Body, HttpStatusCode.OK), document => document.Member("ModelId") == Model);
        Assert.Equal((1, 1), (warm.Value("Predictions"), warm.Value("CacheHits")));
        Assert.False(warm.Has("ModelLoads") || warm.Has("CacheMisses"));

        var refused = Assert.Single(await InvokeAsync($"/models/{Model}/predict", """{"inputs":{"y":[[1,2]]}}""", HttpStatusCode.BadRequest),
            document => document.Member("ModelId") == Model);
        Assert.Equal((1, 1, 0), (refused.Value("Predictions"), refused.Value("ClientErrors"), refused.Value("ServerErrors")));
    }

    [Fact]
    public async Task Invocations_UnknownId_CountedUnderTheOneUnknownModelAndNeverWritten()
    {
        foreach (var path in new[] { $"/models/{Unknown}/predict", $"/models/{Unknown}/versions/3/predict", $"/v2/models/{Unknown}/infer" })
        {
            var documents = await InvokeAsync(path, Body, HttpStatusCode.NotFound);
            var model = Assert.Single(documents, document => document.Has("Predictions"));
            Assert.Equal((ModelTags.UnknownModel, 1, 1), (model.Member("ModelId"), model.Value("Predictions"), model.Value("ClientErrors")));
        }

        var everything = File.ReadAllLines(_host.LogPath).Where(line => line.Contains("\"_aws\"", StringComparison.Ordinal));
        Assert.All(everything, line => Assert.DoesNotContain(Unknown, line, StringComparison.Ordinal));
    }

    /// <summary>One request, and the documents its invocation wrote (the response is back before they are: wait for them).</summary>
    private async Task<IReadOnlyList<EmfDocument>> InvokeAsync(string path, string body, HttpStatusCode expected)
    {
        var seen = EmfLog.Documents(ReadLog()).Count;
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(expected, (await _client.PostAsync(new Uri(_host.Address, path), content)).StatusCode);
        return await EmfLog.NextInvocationAsync(ReadLog, seen);
    }

    private IEnumerable<string> ReadLog()
    {
        using var stream = new FileStream(_host.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
