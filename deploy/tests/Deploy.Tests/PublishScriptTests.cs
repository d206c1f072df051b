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
        var work = Path.Combine(Path.GetTempPath(), "multimodel-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyBuildContext(work);
            var output = Path.Combine(work, "out");
            var stopwatch = Stopwatch.StartNew();
            var (exitCode, log) = Run(work, "bash", "scripts/publish.sh", "src/ModelHost/ModelHost.csproj", "x64", output);
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
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    // What the Docker build context holds (.dockerignore): the root build files, the scripts and src/ without bin/obj.
    private static void CopyBuildContext(string work)
    {
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", "scripts/publish.sh",
                     "scripts/linux-natives.targets" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work, file))!);
            File.Copy(RepositoryPaths.Of(file), Path.Combine(work, file));
        }

        var source = RepositoryPaths.Of("src");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var segments = relative.Split(Path.DirectorySeparatorChar);
            if (segments.Contains("bin") || segments.Contains("obj"))
            {
                continue;
            }

            var target = Path.Combine(work, "src", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Copy(file, target);
            }
            catch (FileNotFoundException)
            {
                // An editor's temporary file that vanished between listing and copying; not part of the build.
            }
        }
    }

    private static (int ExitCode, string Log) Run(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` sets MSBuild variables for its own build; a nested dotnet must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "publish timed out after 5 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
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
