namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The local NuGet feed of the Lambda ASP.NET Core adapter (Amazon.Lambda.AspNetCoreServer.Hosting and what it needs),
/// which the package registry of this environment does not serve. It lives outside the repository, beside the
/// checkout (../shared/lambda-feed), or where MULTIMODEL_LAMBDA_FEED points; without it the Lambda build cannot be
/// restored, and the tests that need it say they were skipped and why.
/// </summary>
internal static class LambdaFeed
{
    public const string EnvironmentVariable = "MULTIMODEL_LAMBDA_FEED";

    public static string? Locate(out string whyNot)
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "lambda-feed")),
        };
        foreach (var candidate in candidates.OfType<string>())
        {
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "Amazon.Lambda.AspNetCoreServer.Hosting.*.nupkg").Any())
            {
                whyNot = "";
                return candidate;
            }
        }

        whyNot = $"no Lambda adapter feed: neither {EnvironmentVariable} nor {candidates[1]} holds Amazon.Lambda.AspNetCoreServer.Hosting " +
            "(the package registry here does not serve Amazon.Lambda.*; the Dockerfile restores it from nuget.org)";
        return null;
    }

    /// <summary>
    /// A nuget.config for a build against the feed: Amazon.Lambda.* from it, everything else from nuget.org, and the
    /// user's package cache as a fallback folder so what it already holds is not downloaded again.
    /// </summary>
    public static string NugetConfig(string feed)
    {
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // Central package management wants every package mapped to one source (NU1507 would fail the build).
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="lambda-feed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="lambda-feed">
                  <package pattern="Amazon.Lambda.*" />
                  <package pattern="SnapshotRestore.Registry" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <fallbackPackageFolders>
                <add key="user-cache" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }
}
