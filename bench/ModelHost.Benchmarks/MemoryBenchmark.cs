using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// Resident memory of the host against its cache budget while clients cycle through far more model bytes than the
/// budget holds (the worst case for a cache: every request evicts).
/// </summary>
internal static class MemoryBenchmark
{
    private const int BudgetMegabytes = 256;
    private const int Models = 10;

    public static async Task RunAsync()
    {
        var root = Directory.CreateTempSubdirectory("modelhost-memory-").FullName;
        for (var index = 0; index < Models; index++)
        {
            TestModelFactory.WriteToStore(root, $"m{index}", 1, TestModelFactory.Mlp(1000, 10_000, 10, seed: index)); // ~40 MB each
        }

        var fileBytes = new FileInfo(Path.Combine(root, "m0", "1", "model.onnx")).Length;
        await using var host = await HostProcess.StartAsync(root, new Dictionary<string, string> { ["ModelHost__Cache__BudgetMegabytes"] = $"{BudgetMegabytes}" });
        using var client = new HttpClient { BaseAddress = host.Address };
        var baseline = host.Memory().Resident;
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { inputs = new { x = new[] { new float[1000] } } }));
        var resident = new Samples();
        for (var request = 0; request < 6 * Models; request++)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync($"/models/m{request % Models}/predict", content);
            response.EnsureSuccessStatusCode();
            resident.Add(host.Memory().Resident);
        }

        var (final, peak) = host.Memory();
        using var cache = JsonDocument.Parse(await client.GetStringAsync("/models"));
        var charges = cache.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("chargeBytes").GetInt64()).ToArray();
        var budget = BudgetMegabytes * 1024L * 1024;
        const double MB = 1024 * 1024;
        Console.WriteLine();
        Console.WriteLine($"memory: {Models} models x {fileBytes / MB:F1} MB cycled {6 * Models} times through a {BudgetMegabytes} MB budget");
        Console.WriteLine($"  resident before loads      {baseline / MB,8:F1} MB");
        Console.WriteLine($"  resident median / final    {resident.Median / MB,8:F1} / {final / MB:F1} MB");
        Console.WriteLine($"  resident peak (VmHWM)      {peak / MB,8:F1} MB");
        Console.WriteLine($"  (peak - before) / budget   {(peak - baseline) / (double)budget,8:F3}");
        Console.WriteLine($"  (median - before) / budget {(resident.Median - baseline) / budget,8:F3}");
        Console.WriteLine($"  cache used / budget        {cache.RootElement.GetProperty("usedBytes").GetInt64() / (double)budget,8:F3} ({charges.Length} models resident)");
        Console.WriteLine($"  charge / file size         {charges.Average() / fileBytes,8:F3}");
        Console.WriteLine($"  evictions                  {cache.RootElement.GetProperty("evictions").GetInt64(),8}");
        Directory.Delete(root, recursive: true);
    }
}
