using MultiModel.Router.Rules.Sources;

namespace MultiModel.Router.Tests.Rules;

public sealed class RulesFileLocationTests
{
    [Theory]
    [InlineData(true, true, "content root")] // dotnet run: src/Router's file, not bin/'s copy
    [InlineData(true, false, "content root")]
    [InlineData(false, true, "app folder")] // started from another folder (the Lambda image's router): the published copy
    [InlineData(false, false, "content root")] // neither: the error names where the file was expected
    public void Resolve_RelativePath_PrefersContentRootThenAppFolder(bool inContentRoot, bool inAppFolder, string expected)
    {
        var contentRoot = Directory.CreateTempSubdirectory("rules-content-").FullName;
        var appFolder = Directory.CreateTempSubdirectory("rules-app-").FullName;
        WriteIf(inContentRoot, contentRoot);
        WriteIf(inAppFolder, appFolder);

        var location = RulesFileLocation.Resolve("routes.json", contentRoot, appFolder);

        Assert.Equal(expected, location.Origin);
        Assert.Equal(Path.Combine(expected == "app folder" ? appFolder : contentRoot, "routes.json"), location.Path);
    }

    [Fact]
    public void Resolve_AbsolutePath_UsedAsIs()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "rules.json");

        var location = RulesFileLocation.Resolve(absolute, "/content", "/app");

        Assert.Equal(absolute, location.Path);
        Assert.Equal("file system root", location.Origin);
    }

    private static void WriteIf(bool write, string folder)
    {
        if (write)
        {
            File.WriteAllText(Path.Combine(folder, "routes.json"), "{\"rules\": {}}");
        }
    }
}
