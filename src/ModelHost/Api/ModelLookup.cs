using System.Runtime.ExceptionServices;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// From an id and optional version as they arrive (a URL, a prewarm list) to a lease on the loaded model. Without a
/// version, the one an unpinned caller gets by default: the rollout policy's stable version, else the highest.
/// </summary>
public sealed class ModelLookup(ModelCache cache, VersionSelector selector)
{
    /// <summary>
    /// Validates both, chooses the version, and loads the model if it is not cached; without a version, a version that
    /// fails to load gives way as it does for predictions (<see cref="VersionSelector.FallBackAsync"/>).
    /// </summary>
    public async Task<ModelLease> AcquireAsync(string id, string? version, CancellationToken cancellationToken)
    {
        var choice = await selector.ChooseAsync(ModelIds.Validate(id), ModelIds.ParseVersion(version), headers: null, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            ExceptionDispatchInfo failure;
            try
            {
                var lease = await cache.AcquireAsync(choice.Model, cancellationToken);
                selector.Served(choice.Model);
                return lease;
            }
            catch (Exception exception) when (attempt <= PredictionPipeline.MaxFallbacks && exception is ModelLoadFailedException or ModelNotFoundException)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }

            var instead = await selector.FallBackAsync(choice, failure.SourceException, headers: null, cancellationToken);
            if (instead is null)
            {
                failure.Throw();
            }

            choice = instead.Value;
        }
    }
}
