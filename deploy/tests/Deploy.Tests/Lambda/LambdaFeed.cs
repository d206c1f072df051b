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
}
