using MultiModel.ModelHost.Models;

namespace MultiModel.S3.Benchmarks;

/// <summary>(c) One plain GET against parallel ranged GETs, per object size, all into memory.</summary>
internal static class RangedGetBenchmark
{
    public static async Task RunAsync(BenchBucket bucket, int[] sizesMegabytes, int iterations, TextWriter report)
    {
        report.WriteLine("## Ranged parallel GET vs single GET (into memory)");
        foreach (var megabytes in sizesMegabytes)
        {
            var key = $"ranged-{megabytes}mb/1/model.onnx";
            var bytes = new byte[megabytes * 1024 * 1024];
            new Random(megabytes).NextBytes(bytes);
            await bucket.PutAsync(key, bytes);
            bytes = null;

            var baseline = new Timing("raw SDK GetObject");
            var rawRanged = new Timing("raw SDK GetObject, Range 0- (no SDK MD5 check)");
            var configurations = new List<(string Name, int PartMb, int Parallel)> { ("store, one GET (part size 1 GB)", 1024, 1) };
            foreach (var (partMb, parallel) in new[] { (8, 4), (16, 4), (16, 8), (32, 4) })
            {
                configurations.Add(($"store, ranged {partMb} MB parts x{parallel}", partMb, parallel));
            }

            // One store (and connection pool) per variant, warmed by the first round like the baseline's client.
            var variants = configurations.Select(configuration =>
            {
                var options = bucket.Options();
                options.PartSizeBytes = configuration.PartMb * 1024 * 1024;
                options.MaxParallelParts = configuration.Parallel;
                var (store, client) = bucket.NewStore(options);
                return (Timing: new Timing(configuration.Name), Store: store, Client: client);
            }).ToArray();

            var random = new Random(megabytes);
            for (var i = 0; i <= iterations; i++)
            {
                var record = i > 0; // the first round warms connections and the JIT
                // A different order each round, so a busy neighbour on the shared cores does not always hit the same variant.
                var runs = variants.Select(variant => (variant.Timing, Fetch: (Func<Task>)(async () =>
                        _ = await variant.Store.FetchAsync(new ModelRef($"ranged-{megabytes}mb", 1), long.MaxValue, CancellationToken.None))))
                    .Append((baseline, async () => _ = await RawS3.GetAsync(bucket.Client, BenchBucket.Name, key)))
                    .Append((rawRanged, async () => _ = await RawS3.GetAsync(bucket.Client, BenchBucket.Name, key, ranged: true)))
                    .OrderBy(_ => random.Next())
                    .ToArray();
                foreach (var (timing, fetch) in runs)
                {
                    await (record ? timing : new Timing("warmup")).MeasureAsync(fetch);
                }
            }

            report.WriteLine($"\n### {megabytes} MB ({iterations} runs each, medians)\n");
            report.WriteLine(Timing.Header);
            report.WriteLine(baseline.Row(baseline));
            report.WriteLine(rawRanged.Row(baseline));
            foreach (var (timing, _, client) in variants)
            {
                report.WriteLine(timing.Row(baseline));
                client.Dispose();
            }

            report.Flush();
            await bucket.Client.DeleteObjectAsync(BenchBucket.Name, key);
        }
    }
}
