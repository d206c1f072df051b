using MultiModel.Cli.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly CliRunner _cli = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Validate_EquivalentModel_PassesEveryGate()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await ValidateAsync(Models.Equivalent, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json;
        Assert.True(json.GetProperty("passed").GetBoolean());
        Assert.Equal(["load", "interface", "budget", "memory", "top1", "latency"], Gates.Names(json));
        Assert.Equal(1.0, Gates.Of(json, "top1").GetProperty("value").GetDouble());
        Assert.Equal(1, json.GetProperty("report").GetProperty("live").GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("renamed input", "input 'x' (float32 [batch, 8]) of version 1 is missing")]
    [InlineData("renamed input", "input 'features' (float32 [batch, 8]) is new")]
    [InlineData("changed element type", "input 'x' changed its element type from float32 to float64")]
    [InlineData("dropped output", "output 'scores' of version 1 is no longer returned")]
    public async Task Validate_InterfaceCallersRelyOnBroken_RefusedNamingWhatBroke(string change, string message)
    {
        var (live, candidate) = change switch
        {
            "renamed input" => (Models.Live, Models.RenamedInput),
            "changed element type" => (Models.Live, Models.DoubleInput),
            _ => (Models.WithScores, Models.Live),
        };
        _store.AddVersion("clf", 1, live);

        var result = await ValidateAsync(candidate);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAIL interface", result.Out);
        Assert.Contains(message, result.Out);
        Assert.Contains("failed: interface", result.Out);
    }

    [Fact]
    public async Task Validate_CorruptFile_RefusedByTheLoadGate()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await ValidateAsync(Models.Corrupt, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var load = Gates.Of(result.Json, "load");
        Assert.False(load.GetProperty("passed").GetBoolean());
        Assert.Contains("ONNX Runtime could not load clf/2", load.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Validate_ModelOverTheFunctionsBudget_RefusedWithTheExcess()
    {
        // 448 MB less the host's 384 MB headroom leaves the smallest budget a host derives, 64 MB; this model is ~67 MB.
        var big = TestModelFactory.Mlp(2900, 2900, 10, hiddenLayers: 2);

        var result = await ValidateAsync(big, "--memory-mb", "448", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var budget = Gates.Of(result.Json, "budget");
        Assert.False(budget.GetProperty("passed").GetBoolean());
        Assert.Equal(64L * 1024 * 1024, budget.GetProperty("limit").GetInt64());
        Assert.Contains("over", budget.GetProperty("detail").GetString());
        Assert.Contains("448 MB", result.Json.GetProperty("report").GetProperty("budget").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Validate_SlowerAndBiggerModel_RefusedByLatencyAndMemory()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await ValidateAsync(Models.Slower, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var latency = Gates.Of(result.Json, "latency");
        Assert.False(latency.GetProperty("passed").GetBoolean());
        Assert.True(latency.GetProperty("value").GetDouble() > 1.5, latency.ToString());
        Assert.Contains("over the limit", latency.GetProperty("detail").GetString());
        Assert.False(Gates.Passed(result.Json, "memory"));
    }

    [Fact]
    public async Task Validate_SmallModelOverTheRatioByLessThanTheSlack_PassesTheMemoryGate()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await ValidateAsync(TestModelFactory.Mlp(8, 4096, 3), "--json");

        var memory = Gates.Of(result.Json, "memory");
        Assert.True(memory.GetProperty("passed").GetBoolean(), memory.ToString());
        Assert.True(memory.GetProperty("value").GetDouble() > 2, memory.ToString());
        Assert.Contains("by less than 1 MB", memory.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Validate_OtherWeights_RefusedByTop1Agreement()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await ValidateAsync(Models.OtherWeights, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var top1 = Gates.Of(result.Json, "top1");
        Assert.False(top1.GetProperty("passed").GetBoolean());
        Assert.Contains("short", top1.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Validate_LabelsThatDoNotFitTheOutputs_RefusedByTheLoadGate()
    {
        _store.AddVersion("clf", 1, Models.Live, Models.Labels);

        var result = await ValidateAsync(Models.Live, "--labels", _store.WriteFile("labels.json", Models.FourLabels));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAIL load", result.Out);
        Assert.Contains("labels.json of clf/2", result.Out);
    }

    [Fact]
    public async Task Validate_LiveHasLabelsCandidateHasNone_RefusedByTheInterfaceGate()
    {
        _store.AddVersion("clf", 1, Models.Live, Models.Labels);

        var result = await ValidateAsync(Models.Equivalent);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("returns top labels from its labels.json; the candidate has none", result.Out);
    }

    [Fact]
    public async Task Validate_FirstVersion_RunsSelfChecksOnly()
    {
        var result = await ValidateAsync(Models.Live, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["load", "budget"], Gates.Names(result.Json));
        Assert.False(result.Json.GetProperty("report").TryGetProperty("live", out _));
    }

    [Fact]
    public async Task Validate_PolicyNamesAStableVersion_ComparesWithItNotTheHighest()
    {
        _store.AddVersion("clf", 1, Models.WithScores);
        _store.AddVersion("clf", 2, Models.Live);
        File.WriteAllText(_store.PolicyPath("clf"), """{"stable": 1}""");

        var result = await ValidateAsync(Models.Live);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("against version 1 (stable in rollout.json)", result.Out);
        Assert.Contains("output 'scores' of version 1", result.Out);
    }

    [Fact]
    public async Task Validate_MissingModelFile_ExitsWithTwo()
    {
        var result = await _cli.RunAsync(["validate", "--id", "clf", "--model", Path.Combine(_store.Work, "none.onnx"), .. _store.Args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("none.onnx does not exist", result.Error);
    }

    [Fact]
    public async Task Validate_NoStoreNamed_ExitsWithTwoSayingHowToNameOne()
    {
        var result = await _cli.RunAsync("validate", "--id", "clf", "--model", _store.WriteFile("m.onnx", Models.Live));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--store local --root DIR", result.Error);
    }

    [Fact]
    public async Task Validate_StoreFromTheHostsSettings_ReadsModelHostStoreVariables()
    {
        _store.AddVersion("clf", 1, Models.Live);
        _cli.Variables["ModelHost__Store__Kind"] = "Local";
        _cli.Variables["ModelHost__Store__LocalRoot"] = _store.Root;

        var result = await _cli.RunAsync("validate", "--id", "clf", "--model", _store.WriteFile("m.onnx", Models.Equivalent));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"version 1 in {_store.Root}", result.Out);
    }

    [Theory]
    [InlineData("--min-top1", "1.5")]
    [InlineData("--max-latency-ratio", "0")]
    [InlineData("--memory-mb", "-1")]
    [InlineData("--id", "../etc")]
    public async Task Validate_InvalidFlag_ExitsWithTwo(string flag, string value)
    {
        var args = new List<string> { "validate", "--id", "clf", "--model", _store.WriteFile("m.onnx", Models.Live) };
        args.AddRange(_store.Args);
        args.AddRange([flag, value]);

        var result = await _cli.RunAsync([.. args]);

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public async Task Validate_Json_WritesOneDocumentAndNothingElse()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await ValidateAsync(Models.RenamedInput, "--json");

        Assert.Equal("validate", result.Json.GetProperty("command").GetString());
        Assert.False(result.Json.GetProperty("passed").GetBoolean());
        Assert.Equal("", result.Error);
    }

    private Task<CliResult> ValidateAsync(byte[] model, params string[] more) =>
        _cli.RunAsync(["validate", "--id", "clf", "--model", _store.WriteFile($"candidate-{Guid.NewGuid():N}.onnx", model), .. _store.Args, .. more]);
}
