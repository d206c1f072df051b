using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Caching;

/// <summary>The model store's part of a load, measured apart from the whole load: the local folder store.</summary>
public sealed class DownloadMetricsTests : IDisposable
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";
    private readonly ModelHostApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Predict_ModelLoadedFromTheFolder_OneDownloadOfItsFileSizeWithinTheLoadTaggedWithTheModel()
    {
        var path = _app.AddModel("dl", 3, TestModelFactory.Mlp(2, 64, 2));
        var client = _app.CreateClient();
        using var metrics = new MetricRecorder(_app.Services);

        await client.PredictRawAsync("/models/dl/predict", Body);
        await client.PredictRawAsync("/models/dl/predict", Body); // a hit: nothing fetched

        var size = Assert.Single(metrics.Of("multimodel.model.download.size"));
        Assert.Equal(new FileInfo(path).Length, size.Value);
        Assert.Equal(("dl", "3"), (size.Tag(ModelTags.Id), size.Tag(ModelTags.Version)));
        var duration = Assert.Single(metrics.Of("multimodel.model.download.duration"));
        Assert.Equal(("dl", "3"), (duration.Tag(ModelTags.Id), duration.Tag(ModelTags.Version)));
        var load = Assert.Single(metrics.Of("multimodel.model.load.duration"));
        Assert.InRange(duration.Value, 0, load.Value);
    }

    [Fact]
    public async Task Predict_UnknownModel_NoDownload()
    {
        var client = _app.CreateClient();
        using var metrics = new MetricRecorder(_app.Services);

        await client.PredictRawAsync("/models/never-there/predict", Body);

        Assert.Empty(metrics.Of("multimodel.model.download.size"));
        Assert.Empty(metrics.Of("multimodel.model.download.duration"));
    }
}
