using MultiModel.ModelHostProcess;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// What metrics cost a warm prediction: two hosts of the same build on the same model, one exporting metrics (the
/// default: Prometheus on) and one with them off, measured in alternating rounds of the same run so that drift on a
/// shared machine falls on both. Host CPU per prediction is the steadier figure; wall-clock latency is shown beside it.
/// The in-process part (<see cref="MetricsRecordingCost"/>) times the instrument calls of one request alone.
/// With <c>emf</c>, both hosts run with Lambda's environment (AWS_LAMBDA_FUNCTION_NAME set) and differ only in
/// <c>Metrics:Emf:Enabled</c>: each prediction then writes its invocation's documents to stdout, as on Lambda
/// (<see cref="EmfRecordingCost"/> times that alone).
/// </summary>
internal static class MetricsCostBenchmark
{
    private const string Path = "/models/tiny/predict";
    private const string Body = """{"inputs":{"x":[[0.1,0.2,0.3,0.4]]}}""";

    public static async Task RunAsync(int rounds, int perRound, bool emf = false)
    {
        if (emf)
        {
            EmfRecordingCost.Run(); // first, in a quiet process: after the HTTP rounds its figure came out 3-4 times higher
        }

        var root = Directory.CreateTempSubdirectory("modelhost-bench-").FullName;
        TestModelFactory.WriteToStore(root, "tiny", 1, TestModelFactory.Mlp(4, 8, 3));
        // Per-request log lines off on both sides: they cost more than metrics and would hide them in their noise.
        var quiet = new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Warning" };
        if (emf)
        {
            quiet["AWS_LAMBDA_FUNCTION_NAME"] = "bench"; // Lambda's defaults: EMF on, the scrape endpoint off
        }

        var offSwitch = emf ? "Metrics__Emf__Enabled" : "Metrics__Prometheus__Enabled";
        await using var on = await HostProcess.StartAsync(root, quiet);
        await using var off = await HostProcess.StartAsync(root, new Dictionary<string, string>(quiet) { [offSwitch] = "false" });
        var sides = new[] { new PredictingSide("on", on, Path, Body), new PredictingSide("off", off, Path, Body) };
        await PredictingSide.AlternateAsync(sides, rounds, perRound);

        if (emf)
        {
            var documents = File.ReadLines(on.LogPath).Count(line => line.Contains("\"CacheHits\"", StringComparison.Ordinal));
            Console.WriteLine($"EMF on: {documents} documents with the model's hits on its stdout ({(rounds + 1) * perRound} predictions, the first a miss)");
        }
        else
        {
            using var scrape = await sides[0].Client.GetAsync("/metrics");
            var exported = (await scrape.Content.ReadAsStringAsync()).Contains("multimodel_cache_hits_total{", StringComparison.Ordinal);
            Console.WriteLine($"metrics on: /metrics {(int)scrape.StatusCode}, the model's hits exported: {exported}");
        }

        PredictingSide.Print("metrics", sides[0], sides[1]);
        foreach (var side in sides)
        {
            side.Client.Dispose();
        }

        if (!emf)
        {
            MetricsRecordingCost.Run();
        }

        Directory.Delete(root, recursive: true);
    }
}
