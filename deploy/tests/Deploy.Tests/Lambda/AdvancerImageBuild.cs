using System.Runtime.InteropServices;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The multimodel tool published as the Dockerfile publishes it for the rollout advancer (scripts/publish.sh with
/// -p:LambdaHosting=true, which brings Amazon.Lambda.RuntimeSupport), against the local Lambda feed, into a private
/// package folder thrown away after. A fixture of its own rather than a third app in <see cref="LambdaImageBuild"/>:
/// the advancer's tests need neither the ModelHost nor the Router, and on a 2-core machine each publish takes minutes.
/// </summary>
public sealed class AdvancerImageBuild : IDisposable
{
    private readonly string? _work;

    public AdvancerImageBuild()
    {
        var feed = LambdaFeed.Locate(out var whyNot);
        if (feed is null)
        {
            SkipReason = whyNot;
            return;
        }

        _work = BuildContext.CopyToTemp("multimodel-advancer-");
        File.WriteAllText(Path.Combine(_work, "nuget.config"), LambdaFeed.NugetConfig(feed));
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_work, "packages") };
        var architecture = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        var (exitCode, log) = BuildContext.Run(_work, environment, "bash", "scripts/publish.sh", "src/Cli/Cli.csproj", architecture, "cli", "-p:LambdaHosting=true");
        CliDirectory = exitCode == 0
            ? Path.Combine(_work, "cli")
            : throw new InvalidOperationException($"publishing src/Cli/Cli.csproj with -p:LambdaHosting=true failed:\n{log}");
    }

    /// <summary>Why the Lambda build could not be made here; null when it was.</summary>
    public string? SkipReason { get; }

    /// <summary>What the image holds at /var/task/cli.</summary>
    public string CliDirectory { get; } = "";

    public void Dispose()
    {
        if (_work is not null)
        {
            BuildContext.Delete(_work);
        }
    }
}
