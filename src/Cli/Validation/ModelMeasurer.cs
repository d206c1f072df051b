using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHost.Storage;

namespace MultiModel.Cli.Validation;

/// <summary>
/// Loads models with the host's own <see cref="ModelLoader"/>: the same fetch, the same session options, the same
/// sidecar checks and the same memory charge, measured the same way (native allocations on glibc). Loads run one at a
/// time, as the host's do, so that what memory grows by belongs to the model being loaded.
/// </summary>
internal sealed class ModelMeasurer(SessionOptions sessionOptions, ModelCacheOptions cacheOptions, TimeProvider time)
{
    // The loader would refuse a model over its budget with the host's 507; validate measures first and then compares
    // the charge with the function's budget itself, so that the refusal comes with its figures.
    private static readonly CacheBudget Unbounded = new(long.MaxValue, "unbounded while measuring");

    private readonly ConfidenceMonitors _monitors = new(
        Options.Create(new ConfidenceDriftOptions { Enabled = false }), NullLogger<ConfidenceMonitors>.Instance);

    /// <summary>Throws <see cref="ModelLoadFailedException"/> when the host could not load it (corrupt file, unusable inputs, a sidecar that does not fit).</summary>
    public async Task<MeasuredModel> LoadAsync(IModelStore store, ModelRef model, CancellationToken cancellationToken)
    {
        var loader = new ModelLoader(store, Task.FromResult(sessionOptions), cacheOptions, Unbounded, time, _monitors);
        var artifact = await loader.FetchAsync(model, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var loaded = await loader.CreateAsync(model, artifact, static _ => Task.CompletedTask);
        return new MeasuredModel(loaded, artifact, Stopwatch.GetElapsedTime(started));
    }
}
