using System.Net;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.ModelHostProcess;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>A real Prometheus server scraping the real host's /metrics and answering PromQL about a model.</summary>
public sealed class PrometheusServerTests
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    [SkippableFact]
    public async Task Query_AfterPredictions_PrometheusCountsTheModelsRequestsByStatus()
    {
        await WithScrapedHostAsync(
            async client =>
            {
                for (var i = 0; i < 3; i++)
                {
                    Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/models/promql/predict", Json(Body))).StatusCode);
                }

                Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/models/promql/predict", Json("""{"inputs":{"y":[[1,2]]}}"""))).StatusCode);
            },
            async prometheus =>
            {
                var ok = await QueryOnceScrapedAsync(prometheus, """sum(multimodel_prediction_duration_seconds_count{model_id="promql",http_response_status_code="200"})""", 3);
                var refused = await QueryOnceScrapedAsync(prometheus, """sum(multimodel_prediction_duration_seconds_count{model_id="promql",http_response_status_code="400"})""", 1);
                var up = await prometheus.QueryAsync("""up{job="modelhost"}""");

                Assert.Equal((3, 1, 1), (ok, refused, up));
            });
    }

    [SkippableFact]
    public async Task Query_After404s_CountsAnUnknownVersionUnderItsModelAndUnknownIdsUnderOneValue()
    {
        var statuses = new List<HttpStatusCode>();
        await WithScrapedHostAsync(
            async client =>
            {
                foreach (var path in new[]
                {
                    "/models/promql/predict", "/models/promql/predict", "/models/promql/versions/7/predict", "/models/no-such-model/predict",
                    "/models/also-missing/versions/2/predict", "/models/promql/predict",
                })
                {
                    statuses.Add((await client.PostAsync(path, Json(Body))).StatusCode);
                }
            },
            async prometheus =>
            {
                const string ByModelAndStatus = "sum by (model_id, http_response_status_code) (multimodel_prediction_duration_seconds_count)";
                var expected = new SortedDictionary<string, double>(StringComparer.Ordinal)
                {
                    ["_unknown 404"] = 2, ["promql 200"] = 3, ["promql 404"] = 1,
                };
                SortedDictionary<string, double> counted = [];
                await Eventually.TrueAsync(async () =>
                    (counted = await prometheus.QuerySeriesAsync(ByModelAndStatus, "model_id", "http_response_status_code")).SequenceEqual(expected),
                    TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));

                Assert.Equal(
                    [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK],
                    statuses);
                Assert.Equal(string.Join(", ", expected), string.Join(", ", counted));
                Assert.Equal(statuses.Count, counted.Values.Sum());
            });
    }

    /// <summary>
    /// The host as its own process over a store holding model "promql", sent <paramref name="requests"/>, then a real
    /// Prometheus scraping it for <paramref name="queries"/>. Skipped where Prometheus is not installed.
    /// </summary>
    private static async Task WithScrapedHostAsync(Func<HttpClient, Task> requests, Func<PrometheusServer, Task> queries)
    {
        var binary = PrometheusServer.Binary();
        Skip.If(binary is null, "No prometheus binary on PATH: tests/infra/prereqs-prometheus.sh installs Debian's package.");
        var root = Directory.CreateTempSubdirectory("modelhost-prometheus-").FullName;
        try
        {
            TestModelFactory.WriteToStore(root, "promql", 1, TestModelFactory.Mlp(2, 8, 2));
            await using var host = await HostProcess.StartAsync(root, new Dictionary<string, string>());
            using (var client = new HttpClient { BaseAddress = host.Address })
            {
                await requests(client);
            }

            await using var prometheus = await PrometheusServer.StartAsync(binary!, host.Address);
            await queries(prometheus);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The query's value once Prometheus has scraped it (the first scrapes come within seconds), or what it last said.</summary>
    private static async Task<double?> QueryOnceScrapedAsync(PrometheusServer prometheus, string promql, double expected)
    {
        double? value = null;
        await Eventually.TrueAsync(async () => (value = await prometheus.QueryAsync(promql)) == expected, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        return value;
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
