using System.Diagnostics;
using System.Text.Json.Nodes;
using MultiModel.TestSupport;

namespace MultiModel.Clients.Tests;

/// <summary>
/// examples/clients/python/multimodel_client.py run as a caller runs it, against the real ModelHost on Kestrel. Needs a
/// python3 with requests and botocore (tests/infra/prereqs-python-clients.sh installs Debian's); skipped saying why
/// without one.
/// </summary>
public sealed class PythonClientTests(SampleHost host) : IClassFixture<SampleHost>
{
    private static readonly string Script = RepositoryPaths.Of("examples/clients/python/multimodel_client.py");
    private static readonly Lazy<string?> Python = new(FindPython);

    [SkippableFact]
    public async Task Script_WithApiKey_PredictsOnEveryRouteAndShowsTheProblemsDetail()
    {
        var lines = await RunAsync("--api-key", "test-key");

        Assert.Equal("""["setosa", "virginica"]""", lines["native"]);
        // The same float32 scores: the JSON's shortest spelling and the binary's bytes unpacked to Python floats.
        Assert.Equal(Floats(lines["open-inference"]), Floats(lines["open-inference-binary"]));
        Assert.Equal(6, Floats(lines["open-inference-binary"]).Length);
        Assert.StartsWith("400: ", lines["error"], StringComparison.Ordinal);
        Assert.Contains("petals", lines["error"], StringComparison.Ordinal);
        Assert.False(lines.ContainsKey("signed"));
    }

    [SkippableFact]
    public async Task Script_WithSigV4_SignsWithBotocoreForTheServiceAndRegion()
    {
        var lines = await RunAsync("--sigv4", "execute-api", "--region", "eu-west-1");

        Assert.Equal("""["setosa", "virginica"]""", lines["native"]);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/eu-west-1/execute-api/aws4_request, SignedHeaders=\S*host\S*$", lines["signed"]);
    }

    private static float[] Floats(string json) => JsonNode.Parse(json)!.AsArray().Select(v => (float)v!.GetValue<double>()).ToArray();

    /// <summary>The script's output, "name: value" per line, by name.</summary>
    private async Task<Dictionary<string, string>> RunAsync(params string[] options)
    {
        Skip.If(Python.Value is null, "no python3 with the requests and botocore modules (tests/infra/prereqs-python-clients.sh installs Debian's python3-requests and python3-botocore)");
        var start = new ProcessStartInfo(Python.Value!, [Script, host.Address.ToString(), .. options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Example credentials: the local host does not check signatures, the test checks what was signed.
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        start.Environment.Remove("AWS_SESSION_TOKEN");
        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}");
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
    }

    /// <summary>The first python3 (on PATH, then Debian's) that imports both modules the examples use.</summary>
    private static string? FindPython()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(candidate, ["-c", "import requests, botocore"])
                {
                    RedirectStandardError = true,
                    UseShellExecute = false,
                })!;
                process.WaitForExit(30_000);
                if (process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed
            }
        }

        return null;
    }
}
