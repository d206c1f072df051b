using MultiModel.ModelHost.Benchmarks;

// dotnet run -c Release --project bench/ModelHost.Benchmarks -- [latency|memory|all] [rounds]
var which = args.ElementAtOrDefault(0) ?? "all";
var rounds = int.TryParse(args.ElementAtOrDefault(1), out var parsed) ? parsed : 10;
Console.WriteLine($"ModelHost benchmark on {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
if (which is "latency" or "all")
{
    await LatencyBenchmark.RunAsync(rounds);
}

if (which is "memory" or "all")
{
    await MemoryBenchmark.RunAsync();
}
