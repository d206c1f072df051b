namespace MultiModel.ModelHost.Caching;

/// <summary>The one load of a model under way, which every request that missed it joins.</summary>
internal sealed class PendingLoad
{
    /// <param name="start">Starts the load, given this object to report to.</param>
    public PendingLoad(Func<PendingLoad, Task<LoadedModel>> start) => Loaded = start(this);

    /// <summary>Completes when the store has delivered the model's files (session creation may still follow).</summary>
    public TaskCompletionSource Fetched { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The model, loaded and admitted; or the load's failure.</summary>
    public Task<LoadedModel> Loaded { get; }
}
