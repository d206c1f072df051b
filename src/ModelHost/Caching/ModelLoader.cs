using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>Fetches a model from the store, creates its ONNX Runtime session and works out what it costs in memory.</summary>
internal sealed class ModelLoader(IModelStore store, Task<SessionOptions> sessionOptions, ModelCacheOptions options, TimeProvider time)
{
    private int _loadsInFlight;

    /// <param name="makeRoom">
    /// Called with the estimated charge before the session is created, so evictions free memory before the new model
    /// takes it: a process on Lambda is killed the moment it exceeds its memory, so the peak is what matters.
    /// </param>
    public async Task<LoadedModel> LoadAsync(ModelRef model, long budgetBytes, Action<long> makeRoom, CancellationToken cancellationToken)
    {
        // The store refuses a file that cannot fit before transferring it; the factor covers what a session adds.
        var artifact = await store.FetchAsync(model, (long)(budgetBytes / options.MemoryFactor), cancellationToken);
        var estimate = (long)(artifact.SizeBytes * options.MemoryFactor);
        makeRoom(estimate);
        var sessionSettings = await sessionOptions;

        var concurrent = Interlocked.Increment(ref _loadsInFlight) > 1;
        var residentBefore = Environment.WorkingSet;
        InferenceSession session;
        try
        {
            session = artifact.CreateSession(sessionSettings);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new ModelLoadFailedException($"ONNX Runtime could not load {model}: {exception.Message}", exception);
        }
        finally
        {
            Interlocked.Decrement(ref _loadsInFlight);
        }

        // Resident growth is only attributable to this model when no other load ran beside it.
        var measured = concurrent || !options.MeasureLoadMemory ? 0 : Math.Max(0, Environment.WorkingSet - residentBefore);
        var charge = Math.Max(estimate, measured);
        try
        {
            if (charge > budgetBytes)
            {
                throw new ModelTooLargeException(
                    $"Model {model} needs about {charge} bytes in memory, more than the whole cache budget of {budgetBytes} bytes.");
            }

            var signature = ModelSignature.Read(session);
            var labels = artifact.Sidecar is { } sidecar ? LabelPostProcessor.Create(sidecar, signature, model) : null;
            return new LoadedModel(model, session, signature, labels, artifact, charge, time.GetUtcNow());
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
