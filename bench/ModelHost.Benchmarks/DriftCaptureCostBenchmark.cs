using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHostProcess;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// What prediction-confidence drift and data capture cost a warm prediction of a model with labels: hosts of the same
/// build on the same classifier, with both on (capture of every prediction to a local folder, the worst case), with
/// drift only (the default), and with both off (<c>ModelHost:ConfidenceDrift:Enabled=false</c>, no capture), in
/// alternating rounds of the same run. In process, the monitor's record of one row and a read of the drift, alone.
/// </summary>
internal static class DriftCaptureCostBenchmark
{
    private const string Path = "/models/classifier/predict";
    private const string Body = """{"inputs":{"x":[[0.1,0.2,0.3,0.4]]}}""";
    private const int Iterations = 5_000_000;

    public static async Task RunAsync(int rounds, int perRound)
    {
        var root = Directory.CreateTempSubdirectory("modelhost-bench-").FullName;
        var classifier = TestModelFactory.Mlp(4, 8, 3);
        TestModelFactory.WriteToStore(root, "classifier", 1, classifier, """{"labels":["cat","dog","eel"]}""");
        // Per-request log lines off on both sides: they cost more than what is measured and would hide it in their noise.
        var quiet = new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Warning" };
        var captureFolder = Directory.CreateTempSubdirectory("modelhost-bench-capture-").FullName;
        await using var both = await HostProcess.StartAsync(root, new Dictionary<string, string>(quiet)
        {
            ["ModelHost__DataCapture__LocalFolder"] = captureFolder,
            ["ModelHost__DataCapture__Models__classifier__SamplePercent"] = "100",
        });
        await using var drift = await HostProcess.StartAsync(root, quiet);
        await using var off = await HostProcess.StartAsync(root, new Dictionary<string, string>(quiet) { ["ModelHost__ConfidenceDrift__Enabled"] = "false" });
        var sides = new[] { new PredictingSide("both on", both, Path, Body), new PredictingSide("drift", drift, Path, Body), new PredictingSide("both off", off, Path, Body) };
        await PredictingSide.AlternateAsync(sides, rounds, perRound);

        using var described = await sides[0].Client.GetAsync("/models/classifier");
        var recorded = (await described.Content.ReadAsStringAsync()).Contains("\"baselineSamples\":", StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(6)); // one flush interval, so the last records are written
        var captured = Directory.EnumerateFiles(captureFolder, "*.jsonl", SearchOption.AllDirectories).Sum(file => File.ReadLines(file).LongCount());
        Console.WriteLine($"GET /models/classifier {(int)described.StatusCode}, top scores recorded: {recorded}; records captured: {captured} " +
            $"of {(rounds + 1) * perRound} predictions");
        PredictingSide.Print("warm path", sides);
        foreach (var side in sides)
        {
            side.Client.Dispose();
        }

        InProcess();
        DriftAndCaptureRecordCost.Run(classifier, Body);
        Directory.Delete(root, recursive: true);
        Directory.Delete(captureFolder, recursive: true);
    }

    private static void InProcess()
    {
        var options = new ConfidenceDriftOptions();
        var monitor = new ConfidenceMonitor(new ModelRef("classifier", 1), [], "y", 3, null, null, options);
        float[] row = [0.2f, 0.7f, 0.1f];
        var record = InProcessTiming.NanosecondsPer(Iterations, () => monitor.Record(row));
        double? drift = null;
        var read = InProcessTiming.NanosecondsPer(Iterations / 100, () => drift = monitor.Read().Drift);
        Console.WriteLine($"in process: recording one row's top score {record:F1} ns; reading the drift ({drift:F3}) {read:F0} ns");
    }
}
