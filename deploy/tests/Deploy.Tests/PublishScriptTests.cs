using System.Diagnostics;
using System.Reflection.PortableExecutable;
using Xunit.Abstractions;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// Runs the image's publish command (scripts/publish.sh) on a copy of what the Docker build context holds, without
/// the Lambda hosting switch (its package is not served here), so a change that breaks the image's publish fails here.
/// </summary>
public sealed class PublishScriptTests(ITestOutputHelper testOutput)
{
    // Header field e_machine of an ELF file: which CPU the native library is built for.
    private const ushort ElfMachineX64 = 0x3E;

    [Fact]
    public void PublishScript_ModelHostForLinuxX64_HoldsReadyToRunCodeTheSampleModelsAndOnlyLinuxX64Natives()
    {
        var work = BuildContext.CopyToTemp("multimodel-publish-");
        try
        {
            var output = Path.Combine(work, "out");
            var stopwatch = Stopwatch.StartNew();
            var (exitCode, log) = BuildContext.Run(work, null, "bash", "scripts/publish.sh", "src/ModelHost/ModelHost.csproj", "x64", output);
            Assert.True(exitCode == 0, log);

            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
            var bytes = files.Sum(f => new FileInfo(f).Length);
            testOutput.WriteLine($"publish linux-x64 ReadyToRun: {bytes / 1e6:F1} MB in {files.Length} files, {stopwatch.Elapsed.TotalSeconds:F0} s");

            Assert.True(IsReadyToRun(Path.Combine(output, "ModelHost.dll")), "ModelHost.dll is not ReadyToRun-compiled.");
            Assert.True(File.Exists(Path.Combine(output, "ModelHost.runtimeconfig.json")));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "SampleModels"), "*", SearchOption.AllDirectories));

            var natives = files.Where(f => f.EndsWith(".so", StringComparison.Ordinal)).ToList();
            Assert.Contains(natives, f => Path.GetFileName(f) == "libonnxruntime.so");
            Assert.All(natives, f => Assert.Equal(ElfMachineX64, ElfMachine(f)));
            Assert.DoesNotContain(files, f => f.EndsWith(".dylib", StringComparison.Ordinal) || f.EndsWith(".a", StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("onnxruntime", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(output, "runtimes")), "runtimes/ holds other platforms' natives.");
            Assert.All(files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)), f => Assert.True(IsManaged(f), $"{f} is a native Windows library."));
        }
        finally
        {
            BuildContext.Delete(work);
        }
    }

    private static bool IsReadyToRun(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static bool IsManaged(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        return reader.PEHeaders.CorHeader is not null;
    }

    private static ushort ElfMachine(string path)
    {
        using var stream = File.OpenRead(path);
        var header = new byte[20];
        stream.ReadExactly(header);
        Assert.True(header[0] == 0x7F && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F', $"{path} is not ELF");
        return BitConverter.ToUInt16(header, 18);
    }
}
