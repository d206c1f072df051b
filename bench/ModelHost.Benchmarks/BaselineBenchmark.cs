using MultiModel.ModelHostProcess;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// A tiny model's warm prediction, native and Open Inference JSON, on this build and on a baseline build's
/// ModelHost.dll, in rotating rounds of the same run (drift on a shared machine falls on every side): what a change
/// costs per request, as this build over the baseline. Host CPU per prediction is the steadier figure.
/// </summary>
internal static class BaselineBenchmark
{
    private const string NativePath = "/models/tiny/predict";
    private const string OpenInferencePath = "/v2/models/tiny/infer";
    private const string Native = """{"inputs":{"x":[[0.1,0.2,0.3,0.4]]}}""";
    private const string OpenInference = """{"inputs":[{"name":"x","shape":[1,4],"datatype":"FP32","data":[0.1,0.2,0.3,0.4]}]}""";

    public static async Task RunAsync(string baselineHost, int rounds, int perRound)
    {
        var root = Directory.CreateTempSubdirectory("modelhost-bench-").FullName;
        TestModelFactory.WriteToStore(root, "tiny", 1, TestModelFactory.Mlp(4, 8, 3));
        var quiet = new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Warning" };
        await using var current = await HostProcess.StartAsync(root, quiet);
        await using var baseline = await HostProcess.StartAsync(root, quiet, Path.GetFullPath(baselineHost));
        PredictingSide[] sides =
        [
            new("native, this build", current, NativePath, Native), new("native, baseline", baseline, NativePath, Native),
            new("v2 json, this build", current, OpenInferencePath, OpenInference), new("v2 json, baseline", baseline, OpenInferencePath, OpenInference),
        ];
        foreach (var side in sides)
        {
            await side.PredictAsync(perRound, measure: false);
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var index = 0; index < sides.Length; index++)
            {
                await sides[(index + round) % sides.Length].PredictAsync(perRound, measure: true); // each side first in turn
            }
        }

        Console.WriteLine($"{"side",-22} {"p50 us",8} {"mean us",8} {"host CPU us/predict",20}");
        foreach (var side in sides)
        {
            Console.WriteLine($"{side.Name,-22} {side.Latency.Median,8:F1} {side.Latency.Mean,8:F1} {side.CpuPerPredict,20:F2}");
        }

        for (var pair = 0; pair < sides.Length; pair += 2)
        {
            var (mine, theirs) = (sides[pair], sides[pair + 1]);
            Console.WriteLine($"{mine.Name} / {theirs.Name}: p50 {mine.Latency.Median / theirs.Latency.Median:F3}, CPU {mine.CpuPerPredict / theirs.CpuPerPredict:F3}");
        }

        foreach (var side in sides)
        {
            side.Client.Dispose();
        }

        Directory.Delete(root, recursive: true);
    }
}
