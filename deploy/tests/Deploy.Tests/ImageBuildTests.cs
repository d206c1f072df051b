using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// No Docker engine runs here, so the Dockerfile is checked for what would make it drift from what is tested:
/// it must publish through scripts/publish.sh (which <see cref="PublishScriptTests"/> runs) into the folders and
/// with the commands the stack uses.
/// </summary>
public sealed class ImageBuildTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryPaths.Of("Dockerfile"));

    [Fact]
    public void Dockerfile_Runtime_StartsFromTheLambdaDotnet10BaseImage() =>
        Assert.Equal("FROM public.ecr.aws/lambda/dotnet:10", Lines.Last(l => l.StartsWith("FROM ", StringComparison.Ordinal)));

    [Theory]
    [InlineData("src/ModelHost/ModelHost.csproj", "/app/modelhost")]
    [InlineData("src/Router/Router.csproj", "/app/router")]
    [InlineData("src/Cli/Cli.csproj", "/app/cli")]
    public void Dockerfile_EachApp_IsRestoredAndPublishedByTheScriptWithTheHostingSwitch(string project, string output)
    {
        var text = string.Join('\n', Lines);
        Assert.Contains($"scripts/publish.sh --restore-only {project} \"$TARGETARCH\" {output} -p:LambdaHosting=true", text, StringComparison.Ordinal);
        Assert.Contains($"scripts/publish.sh {project} \"$TARGETARCH\" {output} --no-restore -p:LambdaHosting=true", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Lines, l => l.Contains("dotnet publish", StringComparison.Ordinal) || l.Contains("dotnet restore", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_RestoreLayer_ComesBeforeTheSourcesAreCopied()
    {
        var restore = Array.FindIndex(Lines, l => l.Contains("--restore-only", StringComparison.Ordinal));
        var sources = Array.IndexOf(Lines, "COPY src/ src/");
        Assert.InRange(restore, 0, sources - 1);
        Assert.All(Lines[..restore].Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)),
            l => Assert.Matches(@"^COPY ((\S+\.(csproj|props|json|sh|targets)) )+\S+/?$", l));
    }

    [Fact]
    public void Dockerfile_RestoreLayer_CopiesEveryBuildFileAndProjectTheAppsNeed()
    {
        var restore = Array.FindIndex(Lines, l => l.Contains("--restore-only", StringComparison.Ordinal));
        var copied = Lines[..restore].Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ')[1..^1]).ToHashSet(StringComparer.Ordinal);

        // Any build file MSBuild would pick up from the root or src/ (a new Directory.Build.targets, a NuGet.config).
        var buildFiles = new[] { ".", "src" }
            .SelectMany(dir => Directory.GetFiles(RepositoryPaths.Of(dir)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))
            .Where(f => Path.GetFileName(f) is "global.json" or "NuGet.config" or "nuget.config" ||
                Path.GetFileName(f).StartsWith("Directory.", StringComparison.Ordinal));
        Assert.All(buildFiles, f => Assert.Contains(f, copied));

        // Every project the two apps and the tool reference, transitively.
        var pending = new Stack<string>(["src/ModelHost/ModelHost.csproj", "src/Router/Router.csproj", "src/Cli/Cli.csproj"]);
        while (pending.TryPop(out var project))
        {
            Assert.Contains(project, copied);
            var folder = Path.GetDirectoryName(project)!;
            foreach (var reference in System.Xml.Linq.XDocument.Load(RepositoryPaths.Of(project)).Descendants("ProjectReference"))
            {
                var path = Path.GetRelativePath(RepositoryPaths.Root,
                    Path.GetFullPath(Path.Combine(RepositoryPaths.Root, folder, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
                pending.Push(path.Replace('\\', '/'));
            }
        }
    }

    [Fact]
    public void Dockerfile_Layout_MatchesTheCommandsTheStackSets()
    {
        Assert.Contains($"COPY --from=build /app/modelhost {ContainerImage.ModelHostDirectory}", Lines);
        Assert.Contains($"COPY --from=build /app/router {ContainerImage.RouterDirectory}", Lines);
        Assert.Contains($"COPY --from=build /app/cli {ContainerImage.CliDirectory}", Lines);
        Assert.Contains($"CMD [\"{ContainerImage.ModelHostCommand}\"]", Lines);
        Assert.Contains($"WORKDIR {ContainerImage.ModelHostDirectory}", Lines);
        Assert.Equal(ContainerImage.RouterDirectory, "/var/task/" + ContainerImage.RouterCommand.Split('/')[0]);
        Assert.Equal(ContainerImage.CliDirectory, "/var/task/" + ContainerImage.CliCommand.Split('/')[0]);
    }

    [Fact]
    public void CliCommand_IsTheToolsAssemblyName()
    {
        // The base image runs `dotnet exec /var/task/<command>.dll`: the command must name the tool's assembly.
        var assemblyName = System.Xml.Linq.XDocument.Load(RepositoryPaths.Of("src/Cli/Cli.csproj")).Descendants("AssemblyName").Single().Value;
        Assert.Equal(ContainerImage.CliCommand, "cli/" + assemblyName);
    }

    [Fact]
    public void Dockerfile_CopiedPaths_AreAllowedByDockerignore()
    {
        var ignore = File.ReadAllLines(RepositoryPaths.Of(".dockerignore"));
        Assert.Equal("*", ignore.First(l => l.Length > 0 && !l.StartsWith('#')));
        foreach (var path in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", "scripts/publish.sh", "scripts/linux-natives.targets", "src/" })
        {
            Assert.Contains("!" + path, ignore);
        }
    }
}
