using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3.Model;
using MultiModel.Cli.Tests.Support;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.S3.Tests.Cli;

/// <summary>The multimodel tool's verbs against the real radosgw, each test under a prefix of its own.</summary>
[Collection(RadosgwCollection.Name)]
public sealed class CliOnS3Tests(RadosgwFixture s3) : IDisposable
{
    private readonly string _prefix = $"cli-{Guid.NewGuid():N}/";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("cli-s3-");
    private readonly CliRunner _cli = new();

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Publish_ToS3_WritesTheNextVersionWithItsManifestAndPinsTheLiveVersion()
    {
        await s3.PutModelAsync("clf", 1, SmallModels.Small, SmallModels.Labels, _prefix);

        var result = await RunAsync("publish", "--id", "clf", "--model", File(SmallModels.Small), "--labels", File(SmallModels.Labels), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var store = s3.CreateStore(s3.Options(_prefix));
        Assert.Equal([1, 2], await store.Store.ListVersionsAsync("clf", default));
        var policy = RolloutPolicyJson.TryRead((await store.Store.ReadRolloutPolicyAsync("clf", default))!, out _);
        Assert.Equal((1, null), (policy!.Stable, policy.Candidate));
        var manifest = JsonDocument.Parse(await ReadAsync("clf/2/publish.json")).RootElement;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(SmallModels.Small)),
            manifest.GetProperty("files").EnumerateArray().Single(file => file.GetProperty("name").GetString() == "model.onnx").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Publish_LargeModelToS3_GoesUpInPartsWithAProgressBarAndLoads()
    {
        var large = TestModelFactory.Mlp(1500, 1000, 10); // ~6 MB: two parts of 5 MB, the smallest part S3 allows
        _cli.Terminal = true;

        var result = await RunAsync("publish", "--id", "big", "--model", File(large), "--part-size-mb", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("uploading version 1 [##############################] 100%", result.Out);
        var head = await s3.Admin.GetObjectMetadataAsync(RadosgwFixture.Bucket, $"{_prefix}big/1/model.onnx");
        Assert.EndsWith("-2\"", head.ETag); // a multipart upload's ETag counts its parts
        using var store = s3.CreateStore(s3.Options(_prefix));
        Assert.Equal(large, (await store.Store.FetchAsync(new ModelRef("big", 1), long.MaxValue, default)).Bytes);
    }

    [Fact]
    public async Task Publish_KeyOfTheVersionAppearedMeanwhile_FailsWithoutOverwritingIt()
    {
        await s3.PutModelAsync("race", 1, SmallModels.Small, prefix: _prefix);
        using var repository = Repository();
        var path = File(SmallModels.Other);

        var failure = await Assert.ThrowsAsync<MultiModel.Cli.Stores.ConcurrentUpdateException>(() =>
            repository.PublishAsync(new ModelRef("race", 1), [new("model.onnx", path, SmallModels.Other.Length, "")], null, default));

        Assert.Contains("Version 1 of 'race' already exists", failure.Message);
        Assert.Equal(SmallModels.Small, await ReadAsync("race/1/model.onnx"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task Upload_OverAnExistingKey_IsRefusedAndTheObjectKept(int megabytes)
    {
        var key = $"{_prefix}taken/1/model.onnx";
        await s3.PutAsync(key, SmallModels.Small);
        var bytes = new byte[megabytes * 1024 * 1024];
        using var client = s3.CreateClient(s3.Options(_prefix));
        var uploader = new MultiModel.Cli.Stores.S3Uploader(client, RadosgwFixture.Bucket, 5 * 1024 * 1024);

        var failure = await Assert.ThrowsAsync<MultiModel.Cli.Stores.ConcurrentUpdateException>(() => uploader.UploadAsync(key, File(bytes), bytes.Length, null, default));

        Assert.Contains("exists already", failure.Message);
        Assert.Equal(SmallModels.Small, await ReadAsync("taken/1/model.onnx"));
    }

    [Fact]
    public async Task WritePolicy_ChangedSinceRead_IsRefusedByIfMatch()
    {
        using var repository = Repository();
        await repository.WritePolicyAsync("clf", "{\"stable\":1}"u8.ToArray(), null, default);
        var read = await repository.ReadPolicyAsync("clf", default);
        await repository.WritePolicyAsync("clf", "{\"stable\":2}"u8.ToArray(), read, default);

        await Assert.ThrowsAsync<MultiModel.Cli.Stores.ConcurrentUpdateException>(() => repository.WritePolicyAsync("clf", "{\"stable\":3}"u8.ToArray(), read, default));
        await Assert.ThrowsAsync<MultiModel.Cli.Stores.ConcurrentUpdateException>(() => repository.WritePolicyAsync("clf", "{\"stable\":3}"u8.ToArray(), null, default));

        Assert.Equal("{\"stable\":2}"u8.ToArray(), await ReadAsync("clf/rollout.json"));
    }

    [Fact]
    public async Task RolloutPromoteRollback_OnS3_AreWhatTheHostsStoreReads()
    {
        await s3.PutModelAsync("clf", 1, SmallModels.Small, prefix: _prefix);
        Assert.Equal(0, (await RunAsync("publish", "--id", "clf", "--model", File(SmallModels.Small))).ExitCode);
        using var store = s3.CreateStore(s3.Options(_prefix));

        var rollout = await RunAsync("rollout", "--id", "clf", "--candidate", "2", "--percent", "20");
        var rolledOut = await PolicyAsync(store);
        var promote = await RunAsync("promote", "--id", "clf");
        var promoted = await PolicyAsync(store);
        var rollback = await RunAsync("rollback", "--id", "clf");

        Assert.True(rollout.ExitCode + promote.ExitCode + rollback.ExitCode == 0, $"{rollout}{promote}{rollback}");
        Assert.Equal((1, 2, 20.0), (rolledOut.Stable, rolledOut.Candidate!.Version, rolledOut.Candidate.Percent));
        Assert.Equal((2, 1), (promoted.Stable, promoted.PreviousStable!.Single()));
        Assert.Equal((1, null), ((await PolicyAsync(store)).Stable, (await PolicyAsync(store)).PreviousStable));
        Assert.Equal([1, 2], await store.Store.ListVersionsAsync("clf", default));
    }

    [Fact]
    public async Task Validate_S3FromTheHostsSettings_ComparesWithTheLiveVersionThere()
    {
        await s3.PutModelAsync("clf", 1, SmallModels.Small, prefix: _prefix);
        _cli.Variables["ModelHost__Store__Kind"] = "S3";
        _cli.Variables["ModelHost__Store__S3__Bucket"] = RadosgwFixture.Bucket;
        _cli.Variables["ModelHost__Store__S3__Prefix"] = _prefix;
        _cli.Variables["ModelHost__Store__S3__ServiceUrl"] = s3.Server.ServiceUrl;

        var result = await _cli.RunAsync("validate", "--id", "clf", "--model", File(ModelVariants.RenameInput(SmallModels.Small, "x", "features")));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"against version 1 (the highest version, no rollout.json)", result.Out);
        Assert.Contains("input 'x' (float32 [batch, 4]) of version 1 is missing", result.Out);
    }

    private Task<CliResult> RunAsync(params string[] args) =>
        _cli.RunAsync([.. args, "--store", "s3", "--bucket", RadosgwFixture.Bucket, "--prefix", _prefix, "--service-url", s3.Server.ServiceUrl]);

    private MultiModel.Cli.Stores.S3ModelRepository Repository() =>
        new(s3.CreateClient(s3.Options(_prefix)), s3.Options(_prefix), 5 * 1024 * 1024);

    private static async Task<RolloutPolicy> PolicyAsync(StoreUnderTest store) =>
        RolloutPolicyJson.TryRead((await store.Store.ReadRolloutPolicyAsync("clf", default))!, out _)!;

    private async Task<byte[]> ReadAsync(string key)
    {
        using var response = await s3.Admin.GetObjectAsync(new GetObjectRequest { BucketName = RadosgwFixture.Bucket, Key = _prefix + key });
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private string File(byte[] bytes)
    {
        var path = Path.Combine(_work.FullName, $"{Guid.NewGuid():N}.onnx");
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private string File(string text) => File(System.Text.Encoding.UTF8.GetBytes(text));
}
