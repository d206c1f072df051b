using MultiModel.Cli.Publishing;
using MultiModel.Cli.Stores;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Rollouts;

/// <summary>Whether a version came through <c>publish</c> (its folder holds a readable publish.json) and what that says.</summary>
internal static class PublishedVersions
{
    /// <summary>The version's manifest; null for a version put into the store by other means.</summary>
    public static async Task<PublishManifest?> ManifestAsync(IModelRepository repository, ModelRef version, CancellationToken cancellationToken) =>
        await repository.ReadVersionFileAsync(version, PublishManifest.FileName, cancellationToken) is { } json
            ? PublishManifest.TryRead(json) is { Id: var id, Version: var number } manifest && id == version.Id && number == version.Version ? manifest : null
            : null;
}
