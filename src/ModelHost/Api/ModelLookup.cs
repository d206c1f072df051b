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
    /// fails to load gives way as it does for predictions (<see cref="VersionSelector.AcquireWithFallbackAsync"/>).
    /// </summary>
    public async Task<ModelLease> AcquireAsync(string id, string? version, CancellationToken cancellationToken)
    {
        var choice = await selector.ChooseAsync(ModelIds.Validate(id), ModelIds.ParseVersion(version), headers: null, cancellationToken);
        ModelLease? lease = null;
        await selector.AcquireWithFallbackAsync(choice, headers: null, async served => lease = await cache.AcquireAsync(served.Model, cancellationToken), cancellationToken);
        return lease!;
    }
}
