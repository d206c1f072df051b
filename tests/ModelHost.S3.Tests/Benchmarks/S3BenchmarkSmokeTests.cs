using System.Diagnostics;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.S3.Tests.Benchmarks;

/// <summary>
/// bench/S3.Benchmarks run briefly, as its own process against its own radosgw, so that it cannot break unseen: its
/// cold-load part on a small model, one round, through to the end of its disk-tier reload (which once stopped at the
/// disk tier's folder lock).
/// </summary>
public sealed class S3BenchmarkSmokeTests
{
    [Fact]
    public async Task ColdOnly_SmallModelOneRound_RunsThroughTheReloadToItsEnd()
    {
        var benchmark = BuiltBenchmark();
        var start = new ProcessStartInfo("dotnet", [benchmark, "--only", "cold", "--iterations", "1", "--inputs", "64"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(benchmark)!,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var report = await output + await errors;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{report}");
        Assert.Contains("phase: DiskTier fetch alone (download and write)", report, StringComparison.Ordinal);
        Assert.Contains("The floor for a store's cold load is session creation", report, StringComparison.Ordinal);
        Assert.Contains("## (b) Reload from the disk tier", report, StringComparison.Ordinal);
        Assert.Contains("DiskTier reload (RevalidateAfter 1 day) + session", report, StringComparison.Ordinal);
    }

    /// <summary>The benchmark as this test's build made it (same configuration: Debug or Release).</summary>
    private static string BuiltBenchmark()
    {
        var path = RepositoryPaths.Of($"bench/S3.Benchmarks/bin/{RepositoryPaths.BuildConfiguration}/net10.0/S3.Benchmarks.dll");
        Assert.True(File.Exists(path), $"{path} was not built with the tests");
        return path;
    }
}
