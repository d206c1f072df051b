using System.Collections.Concurrent;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>Fetches a model from the store, loads it into ONNX Runtime and works out what it costs in memory.</summary>
internal sealed class ModelLoader(IModelStore store, Task<SessionOptions> sessionOptions, ModelCacheOptions options, CacheBudget budget, TimeProvider time, ConfidenceMonitors monitors)
{
    private readonly UseOrder _useOrder = new();

    private readonly ConcurrentDictionary<ModelRef, Footprint> _footprints = new();

    /// <summary>Fetches the model's files; files larger than the whole budget are refused before they are transferred.</summary>
    public async Task<ModelArtifact> FetchAsync(ModelRef model, CancellationToken cancellationToken)
    {
        var artifact = await store.FetchAsync(model, budget.Bytes, cancellationToken);
        await sessionOptions; // ONNX Runtime is started and warmed up before anything is measured
        return artifact;
    }

    /// <summary>
    /// Loads the model and measures it. The caller runs one creation at a time, so that what memory grows by while it
    /// runs belongs to this model alone.
    /// </summary>
    /// <param name="makeRoomAsync">
    /// Called with what the model is expected to need just before the session is created, so evictions free memory
    /// before the new model takes it: a process on Lambda is killed the moment it exceeds its memory.
    /// </param>
    public async Task<LoadedModel> CreateAsync(ModelRef model, ModelArtifact artifact, Func<Footprint, Task> makeRoomAsync)
    {
        var known = _footprints.TryGetValue(model, out var seen) && seen.ETag == artifact.ETag ? seen : null;
        var estimate = known ?? Footprint.Estimate(artifact, options.MemoryFactor);
        await makeRoomAsync(estimate);
        var (onnx, measured) = LoadAndMeasure(model, artifact, await sessionOptions);
        try
        {
            var charge = Charge(model, estimate, measured, known);
            if (charge.Bytes > budget.Bytes)
            {
                var how = charge.MeasuredBytes is null ? $"estimated as {options.MemoryFactor} x its {ReadableBytes.Describe(artifact.SizeBytes)} of files" : "measured when it loaded";
                throw new ModelTooLargeException(
                    $"Model {model} needs {ReadableBytes.Describe(charge.Bytes)} of memory ({how}), more than the whole cache budget of {budget.Describe()}.");
            }

            return new LoadedModel(model, onnx, artifact, charge, time.GetUtcNow(), monitors, _useOrder);
        }
        catch
        {
            onnx.Dispose();
            ProcessMemory.TrimSoon();
            throw;
        }
    }

    private (OnnxModel Model, Footprint? Measured) LoadAndMeasure(ModelRef model, ModelArtifact artifact, SessionOptions sessionSettings)
    {
        if (!options.MeasureLoadMemory)
        {
            return (Load(model, artifact, sessionSettings), null);
        }

        // Counting malloc'd bytes is exact and blind to memory the allocator reuses; elsewhere resident growth is the
        // best figure there is, trimmed first so that freed memory being reused hides as little as possible.
        var allocatedBefore = ProcessMemory.NativeAllocatedBytes();
        if (allocatedBefore is null)
        {
            ProcessMemory.TrimNow();
        }

        var residentBefore = ProcessMemory.ResidentBytes();
        var peakTracked = ProcessMemory.ResetPeakResident();
        var onnx = Load(model, artifact, sessionSettings);
        var residentAfter = ProcessMemory.ResidentBytes();
        var held = allocatedBefore is { } before ? ProcessMemory.NativeAllocatedBytes()!.Value - before : residentAfter - residentBefore;
        // Creating a session holds the parsed model and its tensors at once, about twice what stays afterwards.
        var peak = peakTracked ? ProcessMemory.PeakResidentBytes() - residentBefore : (long?)null;
        return (onnx, Footprint.Measured(artifact.ETag, held, peak));
    }

    private static OnnxModel Load(ModelRef model, ModelArtifact artifact, SessionOptions sessionSettings)
    {
        try
        {
            return artifact.FilePath is { } path ? OnnxModel.Load(model, path, sessionSettings, artifact.Sidecar)
                : artifact.Bytes is { } bytes ? OnnxModel.Load(model, bytes, sessionSettings, artifact.Sidecar)
                : throw new InvalidOperationException($"Artifact for {model} has neither a file nor bytes.");
        }
        catch (ModelLoadFailedException)
        {
            ProcessMemory.TrimSoon();
            throw;
        }
    }

    /// <summary>
    /// The measured footprint when there is one (never less than an earlier load of the same bytes was seen to need),
    /// else the file-size estimate.
    /// </summary>
    private ModelCharge Charge(ModelRef model, Footprint estimate, Footprint? measured, Footprint? known)
    {
        if (measured is null)
        {
            return new ModelCharge(estimate.Bytes, null);
        }

        var footprint = known is null ? measured : measured.AtLeast(known);
        _footprints[model] = footprint;
        return new ModelCharge(footprint.Bytes, footprint.Bytes);
    }
}
