using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Rollout;

/// <summary>A new user's report: a truncated upload beside a good version made every unversioned request fail until the folder was deleted, then 404 for a version never asked for.</summary>
public sealed class VersionFallbackTests : IDisposable
{
    private readonly RolloutHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Predict_HighestVersionCorrupt_UnpinnedServedByTheVersionBelowFromTheFirstRequest()
    {
        _host.App.AddModel(RolloutHost.Id, 3, _host.Version2[..(_host.Version2.Length / 2)]); // a truncated upload

        var answers = await _host.VersionsForAsync(Enumerable.Range(0, 5).Select(i => $"caller-{i}"));

        Assert.All(answers, version => Assert.Equal(2, version));
        var description = await (await _host.Client.GetAsync("/models/m")).JsonAsync();
        Assert.Equal(2, description.GetProperty("version").GetInt32());
        var unloadable = Assert.Single(description.GetProperty("unloadableVersions").EnumerateArray());
        Assert.Equal(3, unloadable.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.InternalServerError, (await _host.PredictAsync(null, "/models/m/versions/3/predict")).Status);
    }

    [Fact]
    public async Task Predict_CorruptVersionFixed_ServesAgainAndIsNoLongerShown()
    {
        var path = _host.App.AddModel(RolloutHost.Id, 3, [1, 2, 3]);
        Assert.Equal((HttpStatusCode.OK, 2), await _host.PredictAsync(null));

        File.WriteAllBytes(path, _host.Version1);

        Assert.True(await Eventually.TrueAsync(async () => (await _host.PredictAsync(null)).Version == 3)); // after FailedLoadRetryAfter
        Assert.Empty((await (await _host.Client.GetAsync("/models/m")).JsonAsync()).GetProperty("unloadableVersions").EnumerateArray());
    }

    [Fact]
    public async Task Predict_VersionDeletedAfterItWasListed_ReResolvedAtOnceNot404()
    {
        Assert.Equal((HttpStatusCode.OK, 2), await _host.PredictAsync(null));
        var path = _host.App.AddModel(RolloutHost.Id, 3, _host.Version1);
        Assert.True(await Eventually.TrueAsync(async () => (await _host.App.Services.GetRequiredService<VersionResolver>().ListAsync(RolloutHost.Id, default)).Contains(3)));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); // listed, never loaded, then gone

        Assert.Equal((HttpStatusCode.OK, 2), await _host.PredictAsync(null));
    }
}
