using System.Reflection;
using MultiModel.Cli.Stores;
using MultiModel.Cli.Validation;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Publishing;

/// <summary>
/// Writes a validated model as a new version: every file hashed into <c>publish.json</c>, the sidecars and the
/// manifest first and <c>model.onnx</c> last, since a host lists a version only once its model.onnx exists. Before
/// that, a model that has a live version and no rollout.json gets <c>{"stable": live}</c>, so the new version starts
/// with no traffic: without a policy a host gives unpinned callers the highest version.
/// </summary>
internal sealed class Publisher(IModelRepository repository, TimeProvider time)
{
    private static readonly string Tool =
        $"multimodel {typeof(Publisher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?"}";

    /// <summary>Hashes the files and writes the manifest to a temporary file; nothing is written to the store yet.</summary>
    /// <param name="validation">The gates passed; null when they were skipped (<c>--force</c>).</param>
    public async Task<PublishPlan> PlanAsync(
        ModelRef version, CandidateFiles files, ManifestValidation? validation, string publishedBy, CancellationToken cancellationToken)
    {
        var sources = new List<(string Name, string Path)>();
        if (files.Labels is { } labels)
        {
            sources.Add((ModelFiles.Sidecar, labels));
        }

        sources.AddRange(files.Extras.Select(extra => (Path.GetFileName(extra), extra)));
        sources.Add((ModelFiles.Model, files.Model));
        var hashed = new List<VersionFile>();
        foreach (var (name, path) in sources)
        {
            hashed.Add(new VersionFile(name, path, new FileInfo(path).Length, await FileDigest.Sha256Async(path, cancellationToken)));
        }

        var manifest = new PublishManifest(version.Id, version.Version, time.GetUtcNow(), publishedBy, Tool, validation is null,
            [.. hashed.Select(file => new ManifestFile(file.Name, file.Bytes, file.Sha256))], validation);
        var json = manifest.ToJson();
        var manifestPath = Path.GetTempFileName();
        await File.WriteAllBytesAsync(manifestPath, json, cancellationToken);
        var manifestFile = new VersionFile(PublishManifest.FileName, manifestPath, json.Length, "");
        return new PublishPlan(version, [.. hashed.SkipLast(1), manifestFile, hashed[^1]], manifest, manifestPath);
    }

    /// <summary>Pins the live version if need be, then writes the version's files in the plan's order.</summary>
    public async Task<PublishResult> PublishAsync(PublishPlan plan, CurrentPolicy current, LiveVersion? live, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var pinned = await PinLiveAsync(plan.Version.Id, current, live, cancellationToken);
        await repository.PublishAsync(plan.Version, plan.Files, progress, cancellationToken);
        return new PublishResult(plan.Version.Version, repository.Location, pinned, plan.Manifest);
    }

    private async Task<int?> PinLiveAsync(string modelId, CurrentPolicy current, LiveVersion? live, CancellationToken cancellationToken)
    {
        if (current.Policy is not null || live is null)
        {
            return null; // a policy already names the stable version, or this is the first version (it goes live at once)
        }

        try
        {
            var pin = new RolloutPolicy(live.Ref.Version, UpdatedAt: time.GetUtcNow());
            await repository.WritePolicyAsync(modelId, RolloutPolicyJson.Write(pin), replacing: null, cancellationToken);
            return live.Ref.Version;
        }
        catch (ConcurrentUpdateException)
        {
            if (await repository.ReadPolicyAsync(modelId, cancellationToken) is null)
            {
                throw;
            }

            return null; // another writer put a policy there first: it names a stable version, which is all the pin is for
        }
    }
}
