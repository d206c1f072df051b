using System.Runtime.InteropServices;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// Both apps published as the Dockerfile publishes them (scripts/publish.sh with -p:LambdaHosting=true), against the
/// local Lambda adapter feed, once for the tests that share this fixture. Packages restore into a private folder that
/// is thrown away after, so the user's package cache never holds the feed's local builds; packages the cache already
/// has are read from it (a fallback folder) rather than downloaded again.
/// </summary>
public sealed class LambdaImageBuild : IDisposable
{
    private readonly string? _work;

    public LambdaImageBuild()
    {
        var feed = LambdaFeed.Locate(out var whyNot);
        if (feed is null)
        {
            SkipReason = whyNot;
            return;
        }

        _work = BuildContext.CopyToTemp("multimodel-lambda-");
        File.WriteAllText(Path.Combine(_work, "nuget.config"), LambdaFeed.NugetConfig(feed));
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_work, "packages") };
        var architecture = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        ModelHostDirectory = Publish("src/ModelHost/ModelHost.csproj", "modelhost");
        RouterDirectory = Publish("src/Router/Router.csproj", "router");

        string Publish(string project, string output)
        {
            var (exitCode, log) = BuildContext.Run(_work, environment, "bash", "scripts/publish.sh", project, architecture, output, "-p:LambdaHosting=true");
            return exitCode == 0
                ? Path.Combine(_work, output)
                : throw new InvalidOperationException($"publishing {project} with -p:LambdaHosting=true failed:\n{log}");
        }
    }

    /// <summary>Why the Lambda build could not be made here; null when it was.</summary>
    public string? SkipReason { get; }

    public string ModelHostDirectory { get; } = "";

    public string RouterDirectory { get; } = "";

    public void Dispose()
    {
        if (_work is not null)
        {
            BuildContext.Delete(_work);
        }
    }
}
