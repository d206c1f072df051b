using System.Diagnostics;
using System.Net;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.TestSupport;
using Xunit.Abstractions;

namespace MultiModel.ModelHost.S3.Tests.Hosting;

/// <summary>
/// The host through a minute of S3 outage of both kinds: a gateway that is gone (connections refused at once) and one
/// that is frozen (connections accepted, nothing answered: on AWS a network blackhole or a stuck NAT). Requests must
/// not wait on the store for what the host already knows, and must fail within the wait limit for what it does not.
/// </summary>
[Collection(RadosgwCollection.Name)]
public sealed class OutageTests(RadosgwFixture s3, ITestOutputHelper output)
{
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxStoreWait = TimeSpan.FromSeconds(5);

    public enum Outage
    {
        Gone,
        Frozen,
    }

    [Theory]
    [InlineData(Outage.Gone)]
    [InlineData(Outage.Frozen)]
    public async Task Predict_ThroughAMinuteOfOutage_KnownModelsAnswerAtOnceUnknownGet503WithinTheWaitAndAllRecover(Outage outage)
    {
        var cached = RadosgwFixture.NewId("outage-cached");
        var uncached = RadosgwFixture.NewId("outage-uncached");
        await s3.PutModelAsync(cached, 1, SmallModels.Small);
        await s3.PutModelAsync(uncached, 1, SmallModels.Small);
        // Everything the host knows is due for revalidation every second, so the outage is met by every path that asks
        // the store: the version listing, the model's revalidation, the load of a model it does not have.
        using var app = new S3ModelHostApp(s3, new()
        {
            ["ModelHost:Cache:RevalidateAfter"] = "00:00:01",
            ["ModelHost:Cache:MaxStoreWait"] = MaxStoreWait.ToString(),
        });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(client, $"/models/{cached}/predict")).StatusCode);

        var known = new List<(HttpStatusCode Status, double Ms)>();
        var unknown = new List<(HttpStatusCode Status, TimeSpan? RetryAfter, double Ms)>();
        await BeginAsync(outage);
        try
        {
            var outageTime = Stopwatch.StartNew();
            var nextUnknown = TimeSpan.Zero;
            while (outageTime.Elapsed < OutageLength)
            {
                var (response, ms) = await TimedAsync(() => Predict.PostAsync(client, $"/models/{cached}/predict"));
                known.Add((response.StatusCode, ms));
                if (outageTime.Elapsed >= nextUnknown)
                {
                    var (refused, refusedMs) = await TimedAsync(() => Predict.PostAsync(client, $"/models/{uncached}/predict"));
                    unknown.Add((refused.StatusCode, refused.Headers.RetryAfter?.Delta, refusedMs));
                    nextUnknown = outageTime.Elapsed + TimeSpan.FromSeconds(10);
                }

                await Task.Delay(250);
            }
        }
        finally
        {
            await EndAsync(outage);
        }

        var recovered = await RecoverAsync(client, $"/models/{uncached}/predict");
        var knownMs = known.Select(call => call.Ms).Order().ToArray();
        output.WriteLine($"{outage}: {known.Count} calls for the known model, p50 {knownMs[knownMs.Length / 2]:F1} ms, " +
            $"p99 {knownMs[(int)(knownMs.Length * 0.99)]:F1} ms, max {knownMs[^1]:F1} ms; {unknown.Count} for the unknown one, " +
            $"max {unknown.Max(call => call.Ms):F0} ms; recovered after {recovered.TotalSeconds:F1} s");

        Assert.All(known, call => Assert.Equal(HttpStatusCode.OK, call.Status));
        Assert.True(knownMs[knownMs.Length / 2] < 100, $"known model: median {knownMs[knownMs.Length / 2]:F1} ms");
        // Nothing close to a store timeout (5 s per attempt here, 10 s by default): the known model never waits on S3.
        Assert.True(knownMs[^1] < 1000, $"known model: slowest {knownMs[^1]:F1} ms");
        Assert.All(unknown, call =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, call.Status);
            Assert.NotNull(call.RetryAfter);
            Assert.True(call.Ms < (MaxStoreWait + TimeSpan.FromSeconds(1.5)).TotalMilliseconds, $"503 after {call.Ms:F0} ms");
        });
    }

    [Fact]
    public async Task Predict_HostStartedWhileS3IsDown_ServesItsDiskCopiesWithoutAVersion()
    {
        var id = RadosgwFixture.NewId("outage-restart");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        await s3.PutModelAsync(id, 2, SmallModels.Other);
        var disk = Path.Combine(Path.GetTempPath(), $"modelhost-disk-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { ["ModelHost:DiskCache:Directory"] = disk };
        try
        {
            using (var before = new S3ModelHostApp(s3, settings))
            {
                Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(before.CreateClient(), $"/models/{id}/predict")).StatusCode);
            }

            await s3.Server.StopGatewayAsync();
            HttpResponseMessage afterRestart;
            try
            {
                using var after = new S3ModelHostApp(s3, settings);
                afterRestart = await Predict.PostAsync(after.CreateClient(), $"/models/{id}/predict");
            }
            finally
            {
                await s3.Server.StartGatewayAsync();
            }

            Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
            Assert.Equal(Predict.Direct(SmallModels.Other), await Predict.OutputAsync(afterRestart)); // version 2, the one on disk
        }
        finally
        {
            Directory.Delete(disk, recursive: true);
        }
    }

    private Task BeginAsync(Outage outage) => outage == Outage.Gone ? s3.Server.StopGatewayAsync() : s3.Server.FreezeGatewayAsync();

    private Task EndAsync(Outage outage) => outage == Outage.Gone ? s3.Server.StartGatewayAsync() : s3.Server.ThawGatewayAsync();

    private static async Task<(HttpResponseMessage Response, double Ms)> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await call();
        return (response, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>How long after the outage the unknown model is served; fails the test after 30 s.</summary>
    private static async Task<TimeSpan> RecoverAsync(HttpClient client, string path)
    {
        var since = Stopwatch.StartNew();
        if (!await Eventually.TrueAsync(
            async () => (await Predict.PostAsync(client, path)).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250)))
        {
            Assert.Fail($"{path} was not served within 30 s of the outage's end");
        }

        return since.Elapsed;
    }
}
