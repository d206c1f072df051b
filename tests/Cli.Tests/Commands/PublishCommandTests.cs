using System.Security.Cryptography;
using System.Text.Json;
using MultiModel.Cli.Tests.Support;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;
using MultiModel.TestModels;

namespace MultiModel.Cli.Tests.Commands;

public sealed class PublishCommandTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly CliRunner _cli = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Publish_PassingModel_WritesNextVersionWithManifestAndPinsTheLiveVersion()
    {
        _store.AddVersion("clf", 1, Models.Live, Models.Labels);
        var model = _store.WriteFile("model.onnx", Models.Equivalent);
        var labels = _store.WriteFile("labels.json", Models.Labels);

        var result = await _cli.RunAsync(["publish", "--id", "clf", "--model", model, "--labels", labels, .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("published 'clf' version 2", result.Out);
        Assert.Equal("""{"stable":1}""", Compact(File.ReadAllText(_store.PolicyPath("clf")), "updatedAt", "callerHeader"));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_store.VersionFolder("clf", 2), "publish.json"))).RootElement;
        Assert.Equal(2, manifest.GetProperty("version").GetInt32());
        Assert.Equal("tester@tests", manifest.GetProperty("publishedBy").GetString());
        Assert.False(manifest.GetProperty("forced").GetBoolean());
        Assert.True(manifest.GetProperty("validation").GetProperty("passed").GetBoolean());
        var files = manifest.GetProperty("files").EnumerateArray().ToDictionary(file => file.GetProperty("name").GetString()!, file => file.GetProperty("sha256").GetString());
        Assert.Equal(Sha256(Models.Equivalent), files["model.onnx"]);
        Assert.Equal(Sha256(File.ReadAllBytes(labels)), files["labels.json"]);
        Assert.Equal(Models.Equivalent, File.ReadAllBytes(Path.Combine(_store.VersionFolder("clf", 2), "model.onnx")));
    }

    [Fact]
    public async Task Publish_PassingModel_HostStillGivesUnpinnedCallersTheLiveVersion()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await _cli.RunAsync(["publish", "--id", "clf", "--model", _store.WriteFile("m.onnx", Models.Equivalent), .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var store = new LocalFolderModelStore(_store.Root);
        Assert.Equal([1, 2], await store.ListVersionsAsync("clf", default));
        var policy = RolloutPolicyJson.TryRead((await store.ReadRolloutPolicyAsync("clf", default))!, out var problems);
        Assert.Empty(problems);
        Assert.Equal(1, policy!.Stable);
        Assert.Null(policy.Candidate);
    }

    [Fact]
    public async Task Publish_FailingGate_WritesNothing()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await _cli.RunAsync(["publish", "--id", "clf", "--model", _store.WriteFile("m.onnx", Models.RenamedInput), .. _store.Args, "--json"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.False(result.Json.GetProperty("published").GetBoolean());
        Assert.False(Gates.Passed(result.Json, "interface"));
        Assert.False(Directory.Exists(_store.VersionFolder("clf", 2)));
        Assert.False(File.Exists(_store.PolicyPath("clf")));
    }

    [Fact]
    public async Task Publish_Force_SkipsTheGatesAndSaysSoInTheManifest()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await _cli.RunAsync(["publish", "--id", "clf", "--model", _store.WriteFile("m.onnx", Models.RenamedInput), "--force", .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_store.VersionFolder("clf", 2), "publish.json"))).RootElement;
        Assert.True(manifest.GetProperty("forced").GetBoolean());
        Assert.Equal(JsonValueKind.Null, manifest.GetProperty("validation").ValueKind);
    }

    [Fact]
    public async Task Publish_FirstVersion_GoesLiveWithoutAPolicy()
    {
        var result = await _cli.RunAsync(["publish", "--id", "fresh", "--model", _store.WriteFile("m.onnx", Models.Live), .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("version 1 is the model's first", result.Out);
        Assert.True(File.Exists(Path.Combine(_store.VersionFolder("fresh", 1), "model.onnx")));
        Assert.False(File.Exists(_store.PolicyPath("fresh")));
    }

    [Fact]
    public async Task Publish_HalfWrittenVersionFolderExists_TakesTheNumberAfterIt()
    {
        _store.AddVersion("clf", 1, Models.Live);
        Directory.CreateDirectory(_store.VersionFolder("clf", 2)); // a publish under way elsewhere: no model.onnx yet

        var result = await _cli.RunAsync(["publish", "--id", "clf", "--model", _store.WriteFile("m.onnx", Models.Equivalent), .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(_store.VersionFolder("clf", 3), "model.onnx")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_store.VersionFolder("clf", 2)));
    }

    [Fact]
    public async Task Publish_ExternalDataFile_IsPublishedBesideTheModelAndLoads()
    {
        var model = TestModelFactory.MlpWithExternalData(8, 16, 3);
        var path = _store.WriteFile("export/model.onnx", model.Graph);
        var data = _store.WriteFile($"export/{ExternalDataModel.DataFileName}", model.Data);
        _store.AddVersion("ext", 1, Models.Live);

        var result = await _cli.RunAsync(["publish", "--id", "ext", "--model", path, "--extra", data, .. _store.Args, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1.0, Gates.Of(result.Json, "top1").GetProperty("value").GetDouble()); // the same weights as the live version
        Assert.Equal(model.Data, File.ReadAllBytes(Path.Combine(_store.VersionFolder("ext", 2), ExternalDataModel.DataFileName)));
    }

    [Fact]
    public async Task Publish_Json_SaysWhatWasWritten()
    {
        _store.AddVersion("clf", 1, Models.Live);

        var result = await _cli.RunAsync(["publish", "--id", "clf", "--model", _store.WriteFile("m.onnx", Models.Equivalent), .. _store.Args, "--json"]);

        var json = result.Json;
        Assert.True(json.GetProperty("published").GetBoolean());
        Assert.Equal(2, json.GetProperty("result").GetProperty("version").GetInt32());
        Assert.Equal(1, json.GetProperty("result").GetProperty("pinnedStable").GetInt32());
        Assert.Equal(["model.onnx"], json.GetProperty("result").GetProperty("manifest").GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Compact(string json, params string[] without)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        foreach (var name in without)
        {
            node.Remove(name);
        }

        return node.ToJsonString();
    }
}
