using MultiModel.Cli.Tuning;

namespace MultiModel.Cli.Tests.Tuning;

/// <summary><c>tune --apply</c>'s edit of deploy/multimodel.json: the one value changes, comments and layout stay.</summary>
public sealed class DeployConfigEditorTests : IDisposable
{
    private const string Config = """
        {
          // What this deployment contains.
          "architecture": "arm64",
          "modelHost": {
            "models": ["iris"],
            "provisionedConcurrency": 0
          },
          "isolatedFunctions": [
            { "name": "house-price", "models": ["house-price"], "memoryMb": 2048, "provisionedConcurrency": 0 }
          ]
        }
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"multimodel-{Guid.NewGuid():N}.json");

    public DeployConfigEditorTests() => File.WriteAllText(_path, Config);

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void SetMemory_ModelHostWithout_AddsItIndentedAsItsNeighbours()
    {
        var previous = DeployConfigEditor.SetMemory(DeployConfigTarget.Check(_path, null), 1024);

        Assert.Null(previous);
        Assert.Equal(Config.Replace("  \"modelHost\": {\n    \"models\"", "  \"modelHost\": {\n    \"memoryMb\": 1024,\n    \"models\"", StringComparison.Ordinal), File.ReadAllText(_path));
    }

    [Fact]
    public void SetMemory_IsolatedFunctionWithOne_ReplacesOnlyTheValue()
    {
        var previous = DeployConfigEditor.SetMemory(DeployConfigTarget.Check(_path, "house-price"), 1769);

        Assert.Equal(2048, previous);
        Assert.Equal(Config.Replace("\"memoryMb\": 2048", "\"memoryMb\": 1769", StringComparison.Ordinal), File.ReadAllText(_path));
    }

    [Fact]
    public void Check_UnknownFunction_SaysWhatWasExpectedBeforeAnythingRuns()
    {
        var error = Assert.Throws<TuningException>(() => DeployConfigTarget.Check(_path, "fraud"));

        Assert.Contains("has no isolatedFunctions 'fraud' object; expected an entry {\"name\": \"fraud\", ...} in \"isolatedFunctions\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(Config, File.ReadAllText(_path));
    }
}
