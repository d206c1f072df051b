using System.Xml.Linq;
using MultiModel.TestSupport;

namespace MultiModel.Architecture.Tests;

/// <summary>The folder picture of docs/architecture.md holds: every arrow between an app's folders points down.</summary>
public sealed class DependencyDirectionTests
{
    public static TheoryData<string> Apps => [.. DeclaredLayers.All.Select(order => order.App)];

    [Theory]
    [MemberData(nameof(Apps))]
    public void Folders_OfEachApp_UseOnlyFoldersBelowThem(string app)
    {
        var order = DeclaredLayers.All.Single(o => o.App == app);
        var source = AppSource.Load(RepositoryPaths.Of($"src/{app}"), $"MultiModel.{app}");

        var violations = order.Violations(source).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.NotEmpty(source.Dependencies()); // The check read something: an app whose folders use nothing is suspicious.
    }

    [Fact]
    public void ServiceDefaults_UsesNeitherApp()
    {
        var directory = RepositoryPaths.Of("src/ServiceDefaults");
        var uses = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(path => NameReference.In(File.ReadAllText(path)).Select(name => (Path.GetFileName(path), name)))
            .Where(use => use.name.Segments is ["MultiModel", "Router" or "ModelHost", ..])
            .Select(use => $"src/ServiceDefaults/{use.Item1}:{use.name.Line}: {use.name}");
        var projects = XDocument.Load(Path.Combine(directory, "ServiceDefaults.csproj")).Descendants("ProjectReference")
            .Select(reference => reference.Attribute("Include")!.Value)
            .Where(include => include.Contains("Router", StringComparison.Ordinal) || include.Contains("ModelHost", StringComparison.Ordinal));

        Assert.Empty(uses.Concat(projects));
    }
}
