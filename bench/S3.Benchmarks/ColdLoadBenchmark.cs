using Microsoft.Extensions.Logging.Abstractions;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;
using MultiModel.ModelHost.Storage.DiskTier;

namespace MultiModel.S3.Benchmarks;

/// <summary>
/// (a) An uncached ~100 MB model from radosgw to a created InferenceSession, through the stores, against a raw SDK
/// GetObject plus <c>new InferenceSession(bytes)</c> of the same object. (b) A reload from the disk tier against
/// <c>new InferenceSession(path)</c> of the same file. (a) also times each phase alone in the same rounds (the
/// downloads, the disk tier's download and write, session creation from bytes and from a file), so the report shows how
/// much of a cold load the stores can still win: session creation is paid alike by every variant.
/// </summary>
internal static class ColdLoadBenchmark
{
    public static async Task RunAsync(BenchBucket bucket, byte[] model, int iterations, SessionOptions sessionOptions, TextWriter report)
    {
        var id = "cold";
        var key = $"{id}/1/model.onnx";
        await bucket.PutAsync(key, model);
        var (store, client) = bucket.NewStore(bucket.Options());
        using var _ = client;
        var root = Directory.CreateTempSubdirectory("s3-bench-disk-").FullName;

        var raw = new Timing("raw GetObject + new InferenceSession(bytes)");
        var rawRanged = new Timing("raw GetObject, Range 0- (no SDK MD5 check) + session");
        var memory = new Timing("S3ModelStore (bytes) + session");
        var disk = new Timing("DiskTier over S3ModelStore (file) + session");
        var rawGetAlone = new Timing("phase: raw GetObject alone");
        var storeFetchAlone = new Timing("phase: S3ModelStore fetch alone (ranged parallel GETs)");
        var tierFetchAlone = new Timing("phase: DiskTier fetch alone (download and write)");
        var sessionFromBytes = new Timing("phase: new InferenceSession(bytes) alone");
        var sessionFromFile = new Timing("phase: new InferenceSession(path) alone");
        for (var i = 0; i <= iterations; i++)
        {
            var record = i > 0;
            await (record ? raw : new Timing("warmup")).MeasureAsync(async () =>
            {
                var bytes = await RawS3.GetAsync(bucket.Client, BenchBucket.Name, key);
                using var session = new InferenceSession(bytes, sessionOptions);
            });
            await (record ? rawRanged : new Timing("warmup")).MeasureAsync(async () =>
            {
                var bytes = await RawS3.GetAsync(bucket.Client, BenchBucket.Name, key, ranged: true);
                using var session = new InferenceSession(bytes, sessionOptions);
            });
            await (record ? memory : new Timing("warmup")).MeasureAsync(async () =>
            {
                var artifact = await store.FetchAsync(new ModelRef(id, 1), long.MaxValue, CancellationToken.None);
                using var session = new InferenceSession(artifact.Bytes!, sessionOptions);
            });

            var directory = Path.Combine(root, $"run{i}");
            await (record ? disk : new Timing("warmup")).MeasureAsync(async () =>
            {
                using var tier = OpenTier(store, directory, TimeSpan.Zero);
                var artifact = await tier.FetchAsync(new ModelRef(id, 1), long.MaxValue, CancellationToken.None);
                using var session = new InferenceSession(artifact.FilePath!, sessionOptions);
            });
            Directory.Delete(directory, recursive: true);

            byte[] downloaded = [];
            await (record ? rawGetAlone : new Timing("warmup")).MeasureAsync(async () => downloaded = await RawS3.GetAsync(bucket.Client, BenchBucket.Name, key));
            await (record ? storeFetchAlone : new Timing("warmup")).MeasureAsync(async () => await store.FetchAsync(new ModelRef(id, 1), long.MaxValue, CancellationToken.None));
            await (record ? sessionFromBytes : new Timing("warmup")).MeasureAsync(() =>
            {
                using var session = new InferenceSession(downloaded, sessionOptions);
                return Task.CompletedTask;
            });
            downloaded = [];
            var path = "";
            using (var tier = OpenTier(store, directory, TimeSpan.Zero))
            {
                await (record ? tierFetchAlone : new Timing("warmup")).MeasureAsync(async () => path = (await tier.FetchAsync(new ModelRef(id, 1), long.MaxValue, CancellationToken.None)).FilePath!);
                await (record ? sessionFromFile : new Timing("warmup")).MeasureAsync(() =>
                {
                    using var session = new InferenceSession(path, sessionOptions);
                    return Task.CompletedTask;
                });
            }

            Directory.Delete(directory, recursive: true);
        }

        report.WriteLine($"\n## (a) Cold load of a {model.Length / 1e6:0.0} MB model to a created session ({iterations} runs each, medians)\n");
        report.WriteLine(Timing.Header);
        report.WriteLine(raw.Row(raw));
        report.WriteLine(rawRanged.Row(raw));
        report.WriteLine(memory.Row(raw));
        report.WriteLine(disk.Row(raw));
        report.WriteLine($"\n### Where the time goes (each phase alone, same rounds; ratio to the raw cold load above)\n");
        report.WriteLine(Timing.Header);
        foreach (var phase in new[] { rawGetAlone, storeFetchAlone, tierFetchAlone, sessionFromBytes, sessionFromFile })
        {
            report.WriteLine(phase.Row(raw));
        }

        report.WriteLine($"\nThe floor for a store's cold load is session creation: {sessionFromFile.Median / raw.Median:0.00}x of the raw cold load from a file, "
            + $"{sessionFromBytes.Median / raw.Median:0.00}x from bytes; the rest is the download ({storeFetchAlone.Median / rawGetAlone.Median:0.00}x of one GetObject's time in memory, "
            + $"{tierFetchAlone.Median / rawGetAlone.Median:0.00}x with the disk tier's write).");

        await ReloadAsync(store, id, iterations, sessionOptions, root, report);
        Directory.Delete(root, recursive: true);
    }

    /// <summary>
    /// A disk tier holds its folder for itself (a second host over the same folder is refused), so the checking and the
    /// trusting tier take turns over the one copy: each is opened, adopts the copy untimed, is timed, and is closed again.
    /// </summary>
    private static async Task ReloadAsync(IModelStore store, string id, int iterations, SessionOptions sessionOptions, string root, TextWriter report)
    {
        var model = new ModelRef(id, 1);
        var folder = Path.Combine(root, "reload");
        string path, etag;
        using (var first = OpenTier(store, folder, TimeSpan.Zero))
        {
            var artifact = await first.FetchAsync(model, long.MaxValue, CancellationToken.None);
            (path, etag) = (artifact.FilePath!, artifact.ETag!);
        }

        var raw = new Timing("new InferenceSession(path)");
        var check = new Timing("IsUnchangedAsync alone (the reload's 2 conditional HEADs)");
        var withHead = new Timing("DiskTier reload (HEAD check, default) + session");
        var withoutHead = new Timing("DiskTier reload (RevalidateAfter 1 day) + session");
        for (var i = 0; i <= iterations; i++)
        {
            var record = i > 0;
            await (record ? raw : new Timing("warmup")).MeasureAsync(() =>
            {
                using var session = new InferenceSession(path, sessionOptions);
                return Task.CompletedTask;
            });
            await (record ? check : new Timing("warmup")).MeasureAsync(async () => _ = await store.IsUnchangedAsync(model, etag, CancellationToken.None));
            await ReloadOnceAsync(TimeSpan.Zero, record ? withHead : new Timing("warmup"));
            await ReloadOnceAsync(TimeSpan.FromDays(1), record ? withoutHead : new Timing("warmup"));
        }

        report.WriteLine($"\n## (b) Reload from the disk tier vs a raw session from the same file ({iterations} runs each, medians)\n");
        report.WriteLine(Timing.Header);
        report.WriteLine(raw.Row(raw));
        report.WriteLine(withHead.Row(raw));
        report.WriteLine(withoutHead.Row(raw));
        report.WriteLine(check.Row(raw));
        report.Flush();

        async Task ReloadOnceAsync(TimeSpan revalidateAfter, Timing timing)
        {
            using var tier = OpenTier(store, folder, revalidateAfter);
            _ = await tier.FetchAsync(model, long.MaxValue, CancellationToken.None); // adopts the copy (validated once), untimed
            await timing.MeasureAsync(async () =>
            {
                using var session = new InferenceSession((await tier.FetchAsync(model, long.MaxValue, CancellationToken.None)).FilePath!, sessionOptions);
            });
        }
    }

    private static DiskTierModelStore OpenTier(IModelStore store, string folder, TimeSpan revalidateAfter) => new(
        store, new DiskTierOptions { Directory = folder, BudgetMegabytes = 1024, RevalidateAfter = revalidateAfter }, TimeProvider.System, NullLogger<DiskTierModelStore>.Instance);
}
