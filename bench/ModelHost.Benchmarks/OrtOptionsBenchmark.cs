using System.Diagnostics;
using System.Globalization;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHostProcess;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// ONNX Runtime's memory options against what the host uses, for resident memory and load time: the CPU memory
/// arena, memory patterns, prepacking, loading from a file or from bytes, and glibc's allocator as it comes or set up
/// as the host sets it. Each configuration runs in a fresh process (the allocator's state is per process) over the
/// same models: load, run batches of 1 and 32 rows, dispose, three times over.
/// </summary>
internal static class OrtOptionsBenchmark
{
    private const double Megabyte = 1024 * 1024;
    private const int Cycles = 3;

    private static readonly OrtConfiguration[] Configurations =
    [
        new("ORT defaults, glibc as it comes", TuneAllocator: false, Arena: true, Pattern: true, Prepack: true, FromBytes: false),
        new("ORT defaults, allocator set up", TuneAllocator: true, Arena: true, Pattern: true, Prepack: true, FromBytes: false),
        new("host: arena off", TuneAllocator: true, Arena: false, Pattern: true, Prepack: true, FromBytes: false),
        new("arena off, patterns off", TuneAllocator: true, Arena: false, Pattern: false, Prepack: true, FromBytes: false),
        new("arena off, prepacking off", TuneAllocator: true, Arena: false, Pattern: true, Prepack: false, FromBytes: false),
        new("arena off, from bytes (no ext.)", TuneAllocator: true, Arena: false, Pattern: true, Prepack: true, FromBytes: true),
    ];

    public static async Task RunAsync()
    {
        var root = Directory.CreateTempSubdirectory("modelhost-ort-options-").FullName;
        var models = MemoryWorkload.Write(root, budgetBytes: 128 * 1024 * 1024, timesBudget: 1);
        Console.WriteLine();
        Console.WriteLine($"ort-options: {models.Count} models of {models.Min(m => m.FileBytes) / Megabyte:F0}-{models.Max(m => m.FileBytes) / Megabyte:F0} MB " +
            $"(one with external data), each loaded, run and disposed {Cycles} times per configuration, one process per configuration");
        Console.WriteLine($"  {"configuration",-32} {"load ms",8} {"held/file",10} {"peak/file",10} {"run p50 1 row us",17} {"run p50 32 rows us",19} {"resident after MB",18} {"peak resident MB",17}");
        foreach (var configuration in Configurations)
        {
            var start = new ProcessStartInfo("dotnet", [typeof(OrtOptionsBenchmark).Assembly.Location, "ort-probe", configuration.Encode(), root])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var probe = Process.Start(start)!;
            var line = await probe.StandardOutput.ReadToEndAsync();
            await probe.WaitForExitAsync();
            Console.WriteLine($"  {configuration.Name,-32} {line.Trim()}");
        }

        Directory.Delete(root, recursive: true);
    }

    /// <summary>One configuration, in this (fresh) process; prints one row.</summary>
    public static void Probe(string encoded, string root)
    {
        var configuration = OrtConfiguration.Decode(encoded);
        if (configuration.TuneAllocator)
        {
            ProcessMemory.ReturnFreedMemoryToTheSystem();
        }

        // A model whose weights are in a file beside it cannot be loaded from bytes: ONNX Runtime needs its folder.
        var paths = Directory.EnumerateFiles(root, "model.onnx", SearchOption.AllDirectories)
            .Where(path => !configuration.FromBytes || Directory.EnumerateFiles(Path.GetDirectoryName(path)!).Count() == 1)
            .Order()
            .ToArray();
        using (var warm = new InferenceSession(TestModelFactory.Mlp(4, 8, 3)))
        {
            // ONNX Runtime's one-time start-up, outside the figures (the host does the same at start).
        }

        var (loadMs, heldPerByte, peakPerByte) = (new List<double>(), new List<double>(), new List<double>());
        var (oneRow, batch) = (new List<double>(), new List<double>());
        var peakResident = 0L;
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            foreach (var path in paths)
            {
                var fileBytes = Directory.EnumerateFiles(Path.GetDirectoryName(path)!).Sum(file => new FileInfo(file).Length);
                using var options = configuration.SessionOptions();
                var allocatedBefore = ProcessMemory.NativeAllocatedBytes() ?? 0;
                var residentBefore = ProcessMemory.ResidentBytes();
                ProcessMemory.ResetPeakResident();
                var started = Stopwatch.GetTimestamp();
                var session = configuration.FromBytes ? new InferenceSession(File.ReadAllBytes(path), options) : new InferenceSession(path, options);
                loadMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                heldPerByte.Add(((ProcessMemory.NativeAllocatedBytes() ?? 0) - allocatedBefore) / (double)fileBytes);
                peakPerByte.Add((ProcessMemory.PeakResidentBytes() - residentBefore) / (double)fileBytes);
                oneRow.Add(RunMicroseconds(session, 1));
                batch.Add(RunMicroseconds(session, 32));
                peakResident = Math.Max(peakResident, ProcessMemory.PeakResidentBytes());
                session.Dispose();
                if (configuration.TuneAllocator)
                {
                    ProcessMemory.TrimNow();
                }
            }
        }

        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{loadMs.Average(),8:F0} {heldPerByte.Average(),10:F2} {peakPerByte.Average(),10:F2} {Median(oneRow),17:F0} {Median(batch),19:F0} {ProcessMemory.ResidentBytes() / Megabyte,18:F0} {peakResident / Megabyte,17:F0}"));
    }

    private static double RunMicroseconds(InferenceSession session, int rows)
    {
        var input = DirectRun.Inputs(rows, MemoryWorkload.InputWidth, seed: rows);
        var times = new List<double>();
        for (var run = 0; run < 12; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var value = OrtValue.CreateTensorValueFromMemory(input, [rows, MemoryWorkload.InputWidth]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["x"], [value], ["y"]);
            if (run >= 2)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }

        return Median(times);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
