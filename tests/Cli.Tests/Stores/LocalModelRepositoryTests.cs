using MultiModel.Cli.Stores;
using MultiModel.Cli.Tests.Support;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Stores;

public sealed class LocalModelRepositoryTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly LocalModelRepository _repository;

    public LocalModelRepositoryTests()
    {
        _repository = new LocalModelRepository(_store.Root);
        _store.AddVersion("clf", 1, Models.Live);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task PublishAsync_VersionFolderExists_FailsAndLeavesItAsItWas()
    {
        var files = new[] { new VersionFile("model.onnx", _store.WriteFile("m.onnx", Models.Equivalent), Models.Equivalent.Length, "") };

        var failure = await Assert.ThrowsAsync<ConcurrentUpdateException>(() => _repository.PublishAsync(new ModelRef("clf", 1), files, null, default));

        Assert.Contains("Version 1 of 'clf' already exists", failure.Message);
        Assert.Equal(Models.Live, File.ReadAllBytes(Path.Combine(_store.VersionFolder("clf", 1), "model.onnx")));
        Assert.Single(Directory.EnumerateDirectories(Path.Combine(_store.Root, "clf"))); // no staging folder left behind
    }

    [Fact]
    public async Task PublishAsync_Progress_ReportsEveryByte()
    {
        var path = _store.WriteFile("m.onnx", Models.Slower);
        var reported = 0L;

        await _repository.PublishAsync(new ModelRef("clf", 2), [new VersionFile("model.onnx", path, Models.Slower.Length, "")], new Progress(bytes => reported += bytes), default);

        Assert.Equal(Models.Slower.Length, reported);
        Assert.Equal(2, await _repository.HighestVersionFolderAsync("clf", default));
    }

    [Fact]
    public async Task WritePolicyAsync_PolicyChangedSinceRead_IsRefusedAndKeepsTheOtherWrite()
    {
        await _repository.WritePolicyAsync("clf", "{\"stable\":1}"u8.ToArray(), null, default);
        var read = await _repository.ReadPolicyAsync("clf", default);
        await _repository.WritePolicyAsync("clf", "{\"stable\":1,\"previousStable\":[1]}"u8.ToArray(), read, default);

        await Assert.ThrowsAsync<ConcurrentUpdateException>(() => _repository.WritePolicyAsync("clf", "{\"stable\":2}"u8.ToArray(), read, default));

        Assert.Equal("{\"stable\":1,\"previousStable\":[1]}", File.ReadAllText(_store.PolicyPath("clf")));
    }

    [Fact]
    public async Task WritePolicyAsync_PolicyAppearedWhereNoneWasRead_IsRefused()
    {
        await _repository.WritePolicyAsync("clf", "{\"stable\":1}"u8.ToArray(), null, default);

        await Assert.ThrowsAsync<ConcurrentUpdateException>(() => _repository.WritePolicyAsync("clf", "{\"stable\":1}"u8.ToArray(), null, default));
    }

    [Fact]
    public async Task WritePolicyAsync_AnotherWriterHoldsTheLock_FailsAtOnce()
    {
        using var other = new FileStream(_store.PolicyPath("clf") + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var failure = await Assert.ThrowsAsync<ConcurrentUpdateException>(() => _repository.WritePolicyAsync("clf", "{\"stable\":1}"u8.ToArray(), null, default));

        Assert.Contains("being written by another run", failure.Message);
        Assert.False(File.Exists(_store.PolicyPath("clf")));
    }

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
