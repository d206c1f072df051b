using System.Collections.Concurrent;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Tests.Support;

/// <summary>
/// A real local folder store that counts fetches per model and can hold a model's fetch until released, so tests
/// can observe single-flight loading and loads that overlap.
/// </summary>
public sealed class CountingModelStore(string root) : IModelStore
{
    private readonly LocalFolderModelStore _inner = new(root);
    private readonly ConcurrentDictionary<string, int> _fetches = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public string Root => _inner.RootDirectory;

    public int FetchCount(string id) => _fetches.GetValueOrDefault(id);

    public int TotalFetches => _fetches.Values.Sum();

    /// <summary>Fetches of <paramref name="id"/> wait until the returned gate is completed.</summary>
    public TaskCompletionSource Hold(string id) =>
        _gates.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) => _inner.ListModelsAsync(cancellationToken);

    public Task<IReadOnlyList<int>> ListVersionsAsync(string modelId, CancellationToken cancellationToken) =>
        _inner.ListVersionsAsync(modelId, cancellationToken);

    public Task<byte[]?> ReadRolloutPolicyAsync(string modelId, CancellationToken cancellationToken) =>
        _inner.ReadRolloutPolicyAsync(modelId, cancellationToken);

    public async Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, CancellationToken cancellationToken)
    {
        _fetches.AddOrUpdate(model.Id, 1, (_, count) => count + 1);
        if (_gates.TryGetValue(model.Id, out var gate))
        {
            await gate.Task;
        }

        return await _inner.FetchAsync(model, maxBytes, cancellationToken);
    }

    public Task<bool> IsUnchangedAsync(ModelRef model, string etag, CancellationToken cancellationToken) =>
        _inner.IsUnchangedAsync(model, etag, cancellationToken);
}
