using MultiModel.ModelHost.Benchmarks;

// dotnet run -c Release --project bench/ModelHost.Benchmarks -- latency [rounds] [baseline ModelHost.dll]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- memory [options: see MemoryBenchmarkOptions]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- ort-options
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- metrics [rounds] [predictions per round]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- metrics-emf [rounds] [predictions per round]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- drift-capture [rounds] [predictions per round]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- wire [rounds] [requests per side per round] [baseline ModelHost.dll] [--model file.onnx]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- baseline <baseline ModelHost.dll> [rounds] [predictions per side per round]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- json-read [rounds] [reads per side per round]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- load <predict URL> <JSON body> [seconds]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- shadow [rounds] [requests per side per round]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- response-cache [rounds] [image requests per side per round]
// dotnet run -c Release --project bench/ModelHost.Benchmarks -- mlp-model <store root> <id> <inputs> <hidden> <outputs> [hidden layers]
var which = args.ElementAtOrDefault(0) ?? "all";
if (which == "ort-probe")
{
    OrtOptionsBenchmark.Probe(args[1], args[2]); // a child process of ort-options: one configuration, one row
    return;
}

if (which == "mlp-model")
{
    // A generated model written into a local store as version 1, e.g. `mlp-model store big 5000 5000 10` (~100 MB),
    // for tune's example in docs/cost.md.
    var sizes = args[3..6].Select(int.Parse).ToArray();
    Console.WriteLine(MultiModel.TestModels.TestModelFactory.WriteToStore(args[1], args[2], 1, MultiModel.TestModels.TestModelFactory.Mlp(sizes[0], sizes[1], sizes[2], args.Length > 6 ? int.Parse(args[6]) : 1)));
    return;
}

if (which == "load")
{
    await LoadForProfiling.RunAsync(args[1], args[2], TimeSpan.FromSeconds(double.TryParse(args.ElementAtOrDefault(3), out var seconds) ? seconds : 20));
    return;
}

Console.WriteLine($"ModelHost benchmark on {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
if (which is "latency" or "all")
{
    await LatencyBenchmark.RunAsync(int.TryParse(args.ElementAtOrDefault(1), out var rounds) ? rounds : 10, which == "latency" ? args.ElementAtOrDefault(2) : null);
}

if (which is "metrics" or "all")
{
    await MetricsCostBenchmark.RunAsync(
        int.TryParse(args.ElementAtOrDefault(1), out var metricRounds) ? metricRounds : 10,
        int.TryParse(args.ElementAtOrDefault(2), out var perRound) ? perRound : 1000);
}

if (which is "metrics-emf" or "all")
{
    await MetricsCostBenchmark.RunAsync(
        int.TryParse(args.ElementAtOrDefault(1), out var emfRounds) ? emfRounds : 10,
        int.TryParse(args.ElementAtOrDefault(2), out var emfPerRound) ? emfPerRound : 1000,
        emf: true);
}

if (which is "drift-capture" or "all")
{
    await DriftCaptureCostBenchmark.RunAsync(
        int.TryParse(args.ElementAtOrDefault(1), out var driftRounds) ? driftRounds : 10,
        int.TryParse(args.ElementAtOrDefault(2), out var driftPerRound) ? driftPerRound : 1000);
}

if (which is "wire" or "all")
{
    // --model (a real model, e.g. models/resnet18.onnx beside this program) may come anywhere after "wire".
    var modelAt = which == "wire" ? Array.IndexOf(args, "--model") : -1;
    var wireArgs = modelAt < 0 ? args : [.. args[..modelAt], .. args[(modelAt + 2)..]];
    await WireFormatBenchmark.RunAsync(
        int.TryParse(wireArgs.ElementAtOrDefault(1), out var wireRounds) ? wireRounds : 10,
        int.TryParse(wireArgs.ElementAtOrDefault(2), out var wirePerRound) ? wirePerRound : 10,
        which == "wire" ? wireArgs.ElementAtOrDefault(3) : null,
        modelAt < 0 ? null : args.ElementAtOrDefault(modelAt + 1) ?? throw new ArgumentException("--model needs the path of an .onnx file."));
}

if (which == "baseline")
{
    await BaselineBenchmark.RunAsync(
        args[1],
        int.TryParse(args.ElementAtOrDefault(2), out var baselineRounds) ? baselineRounds : 10,
        int.TryParse(args.ElementAtOrDefault(3), out var baselinePerRound) ? baselinePerRound : 500);
}

if (which is "json-read" or "all")
{
    JsonReadBenchmark.Run(
        int.TryParse(args.ElementAtOrDefault(1), out var readRounds) ? readRounds : 10,
        int.TryParse(args.ElementAtOrDefault(2), out var readsPerRound) ? readsPerRound : 20);
}

if (which is "shadow" or "all")
{
    await ShadowCostBenchmark.RunAsync(
        int.TryParse(args.ElementAtOrDefault(1), out var shadowRounds) ? shadowRounds : 10,
        int.TryParse(args.ElementAtOrDefault(2), out var shadowPerRound) ? shadowPerRound : 100);
}

if (which is "response-cache" or "all")
{
    await ResponseCacheBenchmark.RunAsync(
        int.TryParse(args.ElementAtOrDefault(1), out var responseRounds) ? responseRounds : 10,
        int.TryParse(args.ElementAtOrDefault(2), out var responsePerRound) ? responsePerRound : 20);
}

if (which is "memory" or "all")
{
    await MemoryBenchmark.RunAsync(MemoryBenchmarkOptions.Parse(which == "memory" ? args[1..] : []));
}

if (which is "ort-options" or "all")
{
    await OrtOptionsBenchmark.RunAsync();
}
