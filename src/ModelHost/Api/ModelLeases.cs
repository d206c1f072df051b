using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api;

/// <summary>From an id and optional version as they arrive (a URL, a prewarm list) to a lease on the loaded model.</summary>
internal static class ModelLeases
{
    /// <summary>Validates both, resolves a missing version to the highest, and loads the model if it is not cached.</summary>
    public static async Task<ModelLease> AcquireAsync(ModelCache cache, VersionResolver versions, string id, string? version, CancellationToken cancellationToken)
    {
        var model = await versions.ResolveAsync(ModelIds.Validate(id), ModelIds.ParseVersion(version), cancellationToken);
        return await cache.AcquireAsync(model, cancellationToken);
    }
}
