using System.Text;
using System.Text.Json;
using MultiModel.ModelHost.S3.Tests.Support;

namespace MultiModel.S3.Benchmarks;

/// <summary>
/// Cold load to the first response: a started host (S3 store + disk tier) gets its first request for a model it has
/// never seen, against a raw GetObject plus <c>new InferenceSession(bytes)</c> of the same object. Each run uses a new
/// host and a new copy of the object under a new id, so neither memory nor disk holds it.
/// </summary>
internal static class HttpColdLoadBenchmark
{
    public static async Task RunAsync(BenchBucket bucket, byte[] model, int inputs, int iterations, SessionOptions sessionOptions, TextWriter report)
    {
        var body = JsonSerializer.Serialize(new { inputs = new { x = new[] { new float[inputs] } } });
        var raw = new Timing("raw GetObject + new InferenceSession(bytes)");
        var host = new Timing("host: first POST /models/{id}/predict");
        for (var i = 0; i <= iterations; i++)
        {
            var record = i > 0;
            var id = $"http{i}";
            var key = $"{id}/1/model.onnx";
            await bucket.PutAsync(key, model);
            await (record ? raw : new Timing("warmup")).MeasureAsync(async () =>
            {
                var bytes = await RawS3.GetAsync(bucket.Client, BenchBucket.Name, key);
                using var session = new InferenceSession(bytes, sessionOptions);
            });

            var disk = Path.Combine(Path.GetTempPath(), $"s3-bench-host-{Guid.NewGuid():N}");
            await using (var app = new BenchHostApp(Settings(bucket.Server, disk)))
            {
                var client = app.CreateClient(); // starts the host; only the request below is timed
                await (record ? host : new Timing("warmup")).MeasureAsync(async () =>
                {
                    using var response = await client.PostAsync($"/models/{id}/predict", new StringContent(body, Encoding.UTF8, "application/json"));
                    response.EnsureSuccessStatusCode();
                    _ = await response.Content.ReadAsByteArrayAsync();
                });
            }

            Directory.Delete(disk, recursive: true);
            await bucket.Client.DeleteObjectAsync(BenchBucket.Name, key);
        }

        report.WriteLine($"\n## (a') Cold load of a {model.Length / 1e6:0.0} MB model to the first HTTP response ({iterations} runs each, medians)\n");
        report.WriteLine(Timing.Header);
        report.WriteLine(raw.Row(raw));
        report.WriteLine(host.Row(raw));
        report.Flush();
    }

    private static Dictionary<string, string?> Settings(RadosgwServer server, string disk) => new()
    {
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["ModelHost:Store:Kind"] = "S3",
        ["ModelHost:Store:S3:Bucket"] = BenchBucket.Name,
        ["ModelHost:Store:S3:ServiceUrl"] = server.ServiceUrl,
        ["ModelHost:DiskCache:Directory"] = disk,
        ["ModelHost:DiskCache:BudgetMegabytes"] = "1024",
        ["ModelHost:Cache:BudgetMegabytes"] = "2048",
    };
}
