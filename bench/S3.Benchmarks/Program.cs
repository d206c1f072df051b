using System.Globalization;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.S3.Benchmarks;

/// <summary>
/// Usage: <c>dotnet run -c Release --project bench/S3.Benchmarks -- [--iterations N] [--sizes 10,100,300] [--only ranged|cold|http]
/// [--inputs 5000]</c>; <c>--inputs</c> is the cold-load model's width (5000: ~100 MB; the test suite's smoke run uses a small one).
/// (An explicit entry class: a top-level Program would clash with the host's public Program.)
/// </summary>
internal static class S3Benchmark
{
    public static async Task Main(string[] args)
    {
        var iterations = Argument(args, "--iterations", 5);
        var sizes = (ArgumentText(args, "--sizes") ?? "10,100,300").Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture)).ToArray();
        var only = ArgumentText(args, "--only");
        var report = Console.Out;

        report.WriteLine($"# S3 store benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version}, loopback Ceph radosgw, memstore)");
        await using var server = await RadosgwServer.StartAsync(memstoreMegabytes: 3072);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", server.AccessKey); // the host finds them through the default chain
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", server.SecretKey);
        // WebApplicationFactory looks for the host's project folder beside a solution file unless told where its content is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MODELHOST", AppContext.BaseDirectory);
        using var bucket = new BenchBucket(server);
        await bucket.Client.PutBucketAsync(BenchBucket.Name);
        var sessionOptions = SessionOptionsFactory.Create(new InferenceOptions()); // the host's own session settings

        if (only is null or "ranged")
        {
            await RangedGetBenchmark.RunAsync(bucket, sizes, Math.Max(3, iterations), report);
        }

        var inputs = Argument(args, "--inputs", 5000);
        var model = TestModelFactory.Mlp(inputs, inputs, 10); // 4 x inputs² bytes: ~100 MB at 5000
        if (only is null or "cold")
        {
            await ColdLoadBenchmark.RunAsync(bucket, model, iterations, sessionOptions, report);
        }

        if (only is null or "http")
        {
            await HttpColdLoadBenchmark.RunAsync(bucket, model, inputs, iterations, sessionOptions, report);
        }
    }

    private static int Argument(string[] args, string name, int fallback) =>
        ArgumentText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? ArgumentText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
