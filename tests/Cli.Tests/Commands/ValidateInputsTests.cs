using System.Globalization;
using System.Text;
using MultiModel.Cli.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.Cli.Tests.Commands;

/// <summary>What validate runs through the models: golden samples, or inputs generated for every kind of input and output.</summary>
public sealed class ValidateInputsTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly CliRunner _cli = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Validate_GoldenSamplesWithinTolerance_PassSamplesAndTop1AgainstExpected()
    {
        _store.AddVersion("clf", 1, Models.Live);
        var samples = Samples(Models.Live, count: 6, offset: 0f);

        var result = await ValidateAsync(Models.Equivalent, "--samples", samples, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("all 6 samples", Gates.Of(result.Json, "samples").GetProperty("detail").GetString());
        Assert.Contains("of the expected outputs", Gates.Of(result.Json, "top1").GetProperty("detail").GetString());
        Assert.Equal("golden samples", result.Json.GetProperty("report").GetProperty("agreement").GetProperty("inputs").GetString());
    }

    [Fact]
    public async Task Validate_GoldenSampleOutsideTolerance_FailsTheSamplesGateNamingTheLine()
    {
        _store.AddVersion("clf", 1, Models.Live);
        var samples = Samples(Models.Live, count: 3, offset: 0.01f);

        var result = await ValidateAsync(Models.Equivalent, "--samples", samples);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAIL samples", result.Out);
        Assert.Contains("3 of 3 samples are outside their tolerance; worst: line", result.Out);
        Assert.Contains("output 'y' is off by 0.01", result.Out);
    }

    [Theory]
    [InlineData("{\"expected\": {}}", "line 1 has no \"inputs\" object")]
    [InlineData("{\"inputs\": {\"x\": [[1]]}, \"tolerance\": -1}", "line 1 has a \"tolerance\" that is not a number of 0 or more")]
    [InlineData("not json", "line 1 is not valid JSON")]
    public async Task Validate_BrokenSamplesFile_ExitsWithTwoNamingTheLine(string line, string message)
    {
        var result = await ValidateAsync(Models.Live, "--samples", _store.WriteFile("samples.jsonl", line));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Validate_EveryElementTypeScalarsAndFixedShapes_GeneratesInputsBothVersionsTake()
    {
        _store.AddVersion("types", 1, TestModelFactory.AllTypes());

        var result = await _cli.RunAsync(["validate", "--id", "types", "--model", _store.WriteFile("all.onnx", TestModelFactory.AllTypes()), .. _store.Args, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var vsLive = result.Json.GetProperty("report").GetProperty("agreement").GetProperty("vsLive").EnumerateArray().ToArray();
        Assert.Contains(vsLive, output => output.GetProperty("output").GetString() == "out_string");
        Assert.All(vsLive, output => Assert.Equal((32, 0.0, 0), (output.GetProperty("compared").GetInt32(), output.GetProperty("maxAbsDifference").GetDouble(), output.GetProperty("mismatched").GetInt32())));
    }

    [Fact]
    public async Task Validate_ZipMapClassifier_ComparesBestClassesFromTheScoreMaps()
    {
        _store.AddVersion("zip", 1, TestModelFactory.ZipMapClassifier());

        var result = await _cli.RunAsync(["validate", "--id", "zip", "--model", _store.WriteFile("zip.onnx", TestModelFactory.ZipMapClassifier()), .. _store.Args, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("'probabilities'", Gates.Of(result.Json, "top1").GetProperty("detail").GetString());
        Assert.Equal(1.0, Gates.Of(result.Json, "top1").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Validate_SampleModelIrisVersion2_LoadsWithItsLabelsAndComparesWithVersion1()
    {
        var iris = RepositoryPaths.Of("src/ModelHost/SampleModels/iris");
        _store.AddVersion("iris", 1, File.ReadAllBytes(Path.Combine(iris, "1", "model.onnx")), File.ReadAllText(Path.Combine(iris, "1", "labels.json")));

        var result = await _cli.RunAsync(["validate", "--id", "iris", "--model", Path.Combine(iris, "2", "model.onnx"), "--labels", Path.Combine(iris, "2", "labels.json"), .. _store.Args, "--json"]);

        var report = result.Json.GetProperty("report");
        Assert.True(Gates.Passed(result.Json, "interface"), result.ToString());
        Assert.True(Gates.Passed(result.Json, "load"));
        Assert.Equal("Score.output", report.GetProperty("candidate").GetProperty("scoresOutput").GetString());
        Assert.True(report.GetProperty("candidate").GetProperty("chargeMeasured").GetBoolean() || !OperatingSystem.IsLinux());
    }

    /// <summary>Golden samples of one row each, with <paramref name="model"/>'s own outputs plus <paramref name="offset"/> as expected.</summary>
    private string Samples(byte[] model, int count, float offset)
    {
        var lines = new StringBuilder();
        var inputs = DirectRun.Inputs(count, 8, seed: 3);
        var outputs = DirectRun.Mlp(model, inputs, 8);
        for (var row = 0; row < count; row++)
        {
            var x = string.Join(", ", inputs.Skip(row * 8).Take(8).Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
            var y = string.Join(", ", outputs.Skip(row * 3).Take(3).Select(value => (value + offset).ToString("R", CultureInfo.InvariantCulture)));
            lines.AppendLine($$"""{"inputs": {"x": [[{{x}}]]}, "expected": {"y": [[{{y}}]]}, "tolerance": 1e-5}""");
        }

        return _store.WriteFile($"samples-{Guid.NewGuid():N}.jsonl", lines.ToString());
    }

    private Task<CliResult> ValidateAsync(byte[] model, params string[] more) =>
        _cli.RunAsync(["validate", "--id", "clf", "--model", _store.WriteFile($"candidate-{Guid.NewGuid():N}.onnx", model), .. _store.Args, .. more]);
}
