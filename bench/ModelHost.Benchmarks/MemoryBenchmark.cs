using System.Globalization;
using System.Text.Json;
using MultiModel.Cli.Tuning;
using MultiModel.ModelHostProcess;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// Resident memory of the host against its base plus budget while clients cycle through models whose files add up to
/// three times the budget (the worst case for a cache: nearly every request evicts). The host runs as Lambda sizes it:
/// in a memory cgroup of the function's size (where this machine allows one), with AWS_LAMBDA_FUNCTION_MEMORY_SIZE set
/// so the budget is derived as on Lambda. With --baseline-host, another build runs the same workload in the same run.
/// </summary>
internal static class MemoryBenchmark
{
    private const double Megabyte = 1024 * 1024;

    public static async Task RunAsync(MemoryBenchmarkOptions options)
    {
        var budgetBytes = (options.LambdaMemoryMegabytes - 384) * 1024L * 1024;
        var root = Directory.CreateTempSubdirectory("modelhost-memory-").FullName;
        var models = MemoryWorkload.Write(root, budgetBytes, timesBudget: 3);
        var cgroupUnavailable = options.UseCgroup ? MemoryCgroup.Unavailable() : "--no-cgroup";
        Console.WriteLine();
        Console.WriteLine($"memory: {models.Count} models of {models.Min(m => m.FileBytes) / Megabyte:F0}-{models.Max(m => m.FileBytes) / Megabyte:F0} MB " +
            $"({models.Sum(m => m.FileBytes) / Megabyte:F0} MB in all, one with external data), Lambda memory {options.LambdaMemoryMegabytes} MB, " +
            $"budget {budgetBytes / Megabyte:F0} MB, {options.Duration.TotalSeconds:F0} s per run, resident memory sampled every 0.25 s");
        Console.WriteLine(cgroupUnavailable is null ? $"  each host runs in a {options.LambdaMemoryMegabytes} MB memory cgroup" : $"  no memory cgroup: {cgroupUnavailable}");
        Console.WriteLine($"  {"host",-9} {"clients",7} {"base MB",8} {"peak MB",8} {"median MB",9} {"(peak-base)/budget",19} {"(median-base)/budget",21} {"samples > base+1.1 budget",26} {"requests",9} {"5xx+none",9} {"wrong",6} {"OOM kills",10} {"evictions",10}");
        var hosts = options.BaselineHost is null ? [("current", (string?)null)] : new[] { ("baseline", options.BaselineHost), ("current", null) };
        foreach (var clients in options.Clients)
        {
            foreach (var (name, dll) in hosts)
            {
                var row = await RunOnceAsync(root, models, dll, clients, budgetBytes, options, cgroupUnavailable is null);
                Console.WriteLine($"  {name,-9} {clients,7} {row}");
            }
        }

        Directory.Delete(root, recursive: true);
    }

    private static async Task<string> RunOnceAsync(
        string root, IReadOnlyList<WorkloadModel> models, string? hostDll, int clients, long budgetBytes, MemoryBenchmarkOptions options, bool inCgroup)
    {
        using var cgroup = inCgroup ? MemoryCgroup.Create("modelhost-bench", options.LambdaMemoryMegabytes * 1024L * 1024) : null;
        var settings = new Dictionary<string, string>(options.Settings)
        {
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = options.LambdaMemoryMegabytes.ToString(CultureInfo.InvariantCulture),
        };
        ChurnResult result;
        IReadOnlyList<long> samples;
        long baseResident;
        long evictions = -1;
        await using (var host = await HostProcess.StartAsync(root, settings, hostDll, cgroup))
        {
            await Task.Delay(500); // let start-up settle before taking the base
            baseResident = host.Memory().Resident;
            await using (var sampler = new ResidentMemorySampler(host))
            {
                result = await ChurnClients.RunAsync(host.Address, models, clients, options.Duration);
                samples = sampler.Samples;
            }

            if (!host.HasExited)
            {
                using var http = new HttpClient { BaseAddress = host.Address };
                using var cache = JsonDocument.Parse(await http.GetStringAsync("/models"));
                evictions = cache.RootElement.GetProperty("evictions").GetInt64();
            }
        }

        var peak = samples.Max();
        var median = samples.Order().ElementAt(samples.Count / 2);
        var over = samples.Count(sample => sample > baseResident + (1.1 * budgetBytes));
        var failed = result.Count(status => status is 0 or >= 500);
        return $"{baseResident / Megabyte,8:F0} {peak / Megabyte,8:F0} {median / Megabyte,9:F0} {(peak - baseResident) / (double)budgetBytes,19:F2} " +
            $"{(median - baseResident) / (double)budgetBytes,21:F2} {$"{over} of {samples.Count}",26} {result.Requests,9} {failed,9} {result.WrongOutputs,6} " +
            $"{(cgroup is null ? "-" : cgroup.OomKills.ToString(CultureInfo.InvariantCulture)),10} {(evictions < 0 ? "died" : evictions.ToString(CultureInfo.InvariantCulture)),10}";
    }
}
